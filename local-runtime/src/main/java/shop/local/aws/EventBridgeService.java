package shop.local.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import shop.local.json.Json;

/**
 * EventBridge's {@code PutEvents} (AWS JSON 1.1, {@code X-Amz-Target: AWSEvents.PutEvents}): each entry is checked as
 * EventBridge checks it and either accepted onto the local bus (answered with its {@code EventId}) or answered with its
 * own {@code ErrorCode}; {@code FailedEntryCount} counts the latter. Thread-safe.
 */
public record EventBridgeService(EventSink sink, Clock clock, Effects effects) implements JsonProtocolService {

    static final int MAX_ENTRIES = 10;
    static final int MAX_REQUEST_BYTES = 256 * 1024;

    /** An accepted entry's effect: "PutEvents OrderCreated on OrdersBus -> event ID", read by {@link #eventIdOf}. */
    private static final String PUT_EVENTS = "PutEvents ";

    private static final String EVENT_ID = " -> event ";

    /** The id of the event an accepted entry's effect names; empty for any other effect. */
    public static Optional<String> eventIdOf(String effect) {
        int at = effect.lastIndexOf(EVENT_ID);
        if (!effect.startsWith(PUT_EVENTS) || at < 0) {
            return Optional.empty();
        }
        String id = effect.substring(at + EVENT_ID.length());
        return id.isEmpty() || id.chars().anyMatch(Character::isWhitespace) ? Optional.empty() : Optional.of(id);
    }

    @Override
    public String targetPrefix() {
        return "AWSEvents";
    }

    @Override
    public String contentType() {
        return "application/x-amz-json-1.1";
    }

    @Override
    public JsonNode call(String operation, JsonNode request) {
        if (!"PutEvents".equals(operation)) {
            throw new ServiceError(
                    400,
                    "UnknownOperationException",
                    "The local stand-in emulates AWSEvents.PutEvents only, not AWSEvents." + operation);
        }
        JsonNode entries = request.path("Entries");
        if (!entries.isArray() || entries.isEmpty()) {
            throw ServiceError.validation(
                    "1 validation error detected: Value null at 'entries' failed to satisfy constraint: "
                            + "Member must not be null");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw ServiceError.validation(
                    "1 validation error detected: Value at 'entries' failed to satisfy constraint: "
                            + "Member must have length less than or equal to " + MAX_ENTRIES);
        }
        int size = 0;
        for (JsonNode entry : entries) {
            size += sizeOf(entry);
        }
        if (size > MAX_REQUEST_BYTES) {
            throw ServiceError.validation("Total size of the entries in the request is over the limit.");
        }
        ArrayNode results = Json.mapper().createArrayNode();
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = put(entry);
            if (result.has("ErrorCode")) {
                failed++;
            }
            results.add(result);
        }
        ObjectNode response = Json.object();
        response.put("FailedEntryCount", failed);
        response.set("Entries", results);
        return response;
    }

    private ObjectNode put(JsonNode entry) {
        ObjectNode result = Json.object();
        String source = entry.path("Source").asText("");
        String detailType = entry.path("DetailType").asText("");
        String detailText = entry.path("Detail").asText("");
        if (source.isBlank()) {
            return error(
                    result, "InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument.");
        }
        if (detailType.isBlank()) {
            return error(
                    result,
                    "InvalidArgument",
                    "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        }
        if (detailText.isBlank()) {
            return error(
                    result, "InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument.");
        }
        if (source.startsWith("aws.")) {
            return error(result, "NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        JsonNode detail;
        try {
            detail = Json.parse(detailText.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return error(result, "MalformedDetail", "Detail is malformed.");
        }
        if (!detail.isObject()) {
            return error(result, "MalformedDetail", "Detail is malformed.");
        }
        String busName = entry.path("EventBusName").asText("default");
        Optional<String> bus = sink.bus(busName.isBlank() ? "default" : busName);
        if (bus.isEmpty()) {
            return error(result, "ResourceNotFoundException", "Event bus " + busName + " does not exist.");
        }
        List<String> resources = new ArrayList<>();
        entry.path("Resources").forEach(resource -> resources.add(resource.asText()));
        String id = sink.put(bus.get(), source, detailType, detail, resources, timeOf(entry));
        effects.record(PUT_EVENTS + detailType + " on " + bus.get() + EVENT_ID + id);
        result.put("EventId", id);
        return result;
    }

    private Instant timeOf(JsonNode entry) {
        JsonNode time = entry.get("Time");
        if (time == null || time.isNull()) {
            return clock.instant();
        }
        // The SDK writes timestamps in the JSON protocols as epoch seconds, possibly with a fraction.
        BigDecimal seconds = time.decimalValue();
        return Instant.ofEpochSecond(
                seconds.longValue(),
                seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    }

    /** EventBridge's documented entry size: Time, Source, DetailType, Detail and Resources in UTF-8. */
    private static int sizeOf(JsonNode entry) {
        int size = entry.has("Time") ? 14 : 0;
        for (String field : List.of("Source", "DetailType", "Detail")) {
            size += entry.path(field).asText("").getBytes(StandardCharsets.UTF_8).length;
        }
        for (JsonNode resource : entry.path("Resources")) {
            size += resource.asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    private static ObjectNode error(ObjectNode result, String code, String message) {
        result.put("ErrorCode", code);
        result.put("ErrorMessage", message);
        return result;
    }
}
