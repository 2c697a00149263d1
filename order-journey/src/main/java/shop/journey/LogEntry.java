package shop.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * One line a function wrote, as CloudWatch (or the local runtime) keeps it: a JSON object whose top-level fields Logs
 * Insights can query, or, for a line that is not JSON, its text under {@code message}.
 *
 * @param function the template's logical id of the function whose log holds the line
 * @param requestId the invocation's request id: the local log's column, else the line's own field
 */
public record LogEntry(String function, Instant time, String requestId, JsonNode fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a line; {@code knownRequestId} is the request id the log keeps beside it, if it keeps one. */
    public static LogEntry parse(String function, Instant time, Optional<String> knownRequestId, String message) {
        JsonNode fields = object(message.strip());
        String requestId = knownRequestId.filter(id -> !id.isBlank()).orElseGet(() -> requestIdIn(fields));
        return new LogEntry(function, time, requestId, fields);
    }

    /** The line's text field, empty when absent. */
    public String text(String field) {
        JsonNode value = fields.path(field);
        return value.isValueNode() ? value.asText() : "";
    }

    /** Lambda's {@code platform.report} record: one per attempt, with its duration and status. */
    public boolean isReport() {
        return "platform.report".equals(text("type"));
    }

    /** The attempt's duration in milliseconds, when this is a report. */
    public Optional<Double> reportedDurationMs() {
        JsonNode duration = fields.path("record").path("metrics").path("durationMs");
        return isReport() && duration.isNumber() ? Optional.of(duration.asDouble()) : Optional.empty();
    }

    /** The attempt's status ({@code success}, {@code error}, {@code failure}, {@code timeout}), for a report. */
    public Optional<String> reportedStatus() {
        JsonNode status = fields.path("record").path("status");
        return isReport() && status.isTextual() ? Optional.of(status.asText()) : Optional.empty();
    }

    private static String requestIdIn(JsonNode fields) {
        // Our lines name it requestId; Lambda's JSON format names it AWSRequestId; platform records keep it in record.
        for (JsonNode candidate : new JsonNode[] {
            fields.path("requestId"),
            fields.path("AWSRequestId"),
            fields.path("record").path("requestId")
        }) {
            if (candidate.isTextual()) {
                return candidate.asText();
            }
        }
        return "";
    }

    private static JsonNode object(String message) {
        if (message.startsWith("{")) {
            try {
                JsonNode parsed = JSON.readTree(message);
                if (parsed != null && parsed.isObject()) {
                    return parsed;
                }
            } catch (IOException notJson) {
                // A line that only looks like JSON is kept as text, as Logs Insights would keep it.
            }
        }
        ObjectNode text = JsonNodeFactory.instance.objectNode();
        text.put("message", message);
        return text;
    }
}
