package shop.redrive;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a message in a consumer's dead-letter queue is, and the event to redrive from it. Two senders write to these
 * queues (template.yaml points both at the same queue):
 *
 * <ul>
 *   <li>{@link Kind#EVENTBRIDGE_RULE}: the rule could not hand the event to the function. The body is the event itself;
 *       the attributes {@code RULE_ARN}, {@code TARGET_ARN}, {@code ERROR_CODE} and {@code ERROR_MESSAGE} say where and
 *       why.
 *   <li>{@link Kind#LAMBDA_ON_FAILURE}: Lambda accepted the event but the function failed every attempt, or the event
 *       grew too old. The body is an invocation record ({@code version} 1.0) whose {@code requestPayload} is the event,
 *       {@code requestContext} says which function and why, {@code responsePayload} holds the error.
 * </ul>
 *
 * Anything else is {@link Kind#UNRECOGNISED}, with the reason; nothing of its body is kept, since it could hold
 * anything.
 *
 * @param kind which sender wrote it, or unrecognised
 * @param event the original event, exactly the characters received (null when unrecognised)
 * @param eventId the event's EventBridge id (null when unrecognised)
 * @param orderId {@code detail.orderId} when the event has a textual one, else null: a poison event may lack it
 * @param failedFunction the function ARN the sender failed to deliver to or run (null when unrecognised)
 * @param reason the sender's error, or why the message is unrecognised; cleaned by {@link ErrorText}
 */
public record DeadLetter(
        Kind kind, String event, String eventId, String orderId, String failedFunction, String reason) {

    /** Who wrote a dead letter, as printed in the redrive's output. */
    public enum Kind {
        EVENTBRIDGE_RULE,
        LAMBDA_ON_FAILURE,
        UNRECOGNISED;

        /** The kind as printed, e.g. {@code lambda-on-failure}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The invocation-record format this reader knows; a later one may move the event, so it is not guessed at. */
    static final String RECORD_VERSION = "1.0";

    // Trailing text after the JSON would be sent on to Lambda verbatim, which refuses it: treat it as not JSON here.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public DeadLetter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the event can be redriven: both known senders, never an unrecognised message. */
    public boolean recognised() {
        return kind != Kind.UNRECOGNISED;
    }

    /** Reads one dead-letter message; never throws for what the message holds, only names it unrecognised. */
    public static DeadLetter of(QueueMessage message) {
        JsonNode body;
        try {
            body = JSON.readTree(message.body());
        } catch (JsonProcessingException e) {
            return unrecognised("the body is not JSON");
        }
        if (body == null || !body.isObject()) {
            return unrecognised("the body is not a JSON object");
        }
        if (message.attributes().containsKey("RULE_ARN")) {
            return ruleDeadLetter(message, body);
        }
        if (body.has("requestContext") || body.has("requestPayload")) {
            return invocationRecord(message.body(), body);
        }
        return unrecognised("neither an EventBridge rule dead letter (no RULE_ARN attribute) "
                + "nor a Lambda invocation record (no requestContext)");
    }

    private static DeadLetter ruleDeadLetter(QueueMessage message, JsonNode event) {
        String target = message.attributes().get("TARGET_ARN");
        if (target == null) {
            return unrecognised("an EventBridge rule dead letter without the TARGET_ARN attribute");
        }
        List<String> missing = missingEnvelopeParts(event);
        if (!missing.isEmpty()) {
            return unrecognised("an EventBridge rule dead letter whose body is not an EventBridge event (no "
                    + String.join(", ", missing) + ")");
        }
        String code = message.attributes().getOrDefault("ERROR_CODE", "no ERROR_CODE");
        String reason = code + ": " + message.attributes().getOrDefault("ERROR_MESSAGE", "no ERROR_MESSAGE");
        // The body is the event: what the rule would have handed the function, character for character.
        return new DeadLetter(
                Kind.EVENTBRIDGE_RULE, message.body(), id(event, "id"), orderIdIn(event), target, ErrorText.of(reason));
    }

    private static DeadLetter invocationRecord(String rawBody, JsonNode record) {
        String version = record.path("version").asText("");
        if (!RECORD_VERSION.equals(version)) {
            return unrecognised("a Lambda invocation record of version '" + ErrorText.of(version)
                    + "'; this redrive knows " + RECORD_VERSION);
        }
        JsonNode context = record.path("requestContext");
        String functionArn = text(context, "functionArn");
        String condition = text(context, "condition");
        if (functionArn == null || condition == null) {
            return unrecognised("a Lambda invocation record without requestContext.functionArn or .condition");
        }
        if ("Success".equals(condition)) {
            return unrecognised("a Lambda invocation record of a success: there is nothing to redrive");
        }
        JsonNode event = record.path("requestPayload");
        List<String> missing = missingEnvelopeParts(event);
        if (!event.isObject() || !missing.isEmpty()) {
            return unrecognised("a Lambda invocation record whose requestPayload is not an EventBridge event"
                    + (event.isObject() ? " (no " + String.join(", ", missing) + ")" : ""));
        }
        Optional<String> payload = rawRequestPayload(rawBody);
        if (payload.isEmpty()) {
            return unrecognised("a Lambda invocation record whose requestPayload could not be located");
        }
        return new DeadLetter(
                Kind.LAMBDA_ON_FAILURE,
                payload.get(),
                id(event, "id"),
                orderIdIn(event),
                functionArn,
                ErrorText.of(failure(condition, context, record)));
    }

    /** Why Lambda gave up: the condition and attempts, then the function's error when it ran at all. */
    private static String failure(String condition, JsonNode context, JsonNode record) {
        StringBuilder reason = new StringBuilder(condition);
        JsonNode attempts = context.path("approximateInvokeCount");
        if (attempts.isNumber()) {
            reason.append(" after ").append(attempts.asInt()).append(attempts.asInt() == 1 ? " attempt" : " attempts");
        }
        JsonNode error = record.path("responsePayload");
        String errorType = text(error, "errorType");
        String errorMessage = text(error, "errorMessage");
        String functionError = text(record.path("responseContext"), "functionError");
        if (errorType != null || errorMessage != null) {
            reason.append(": ")
                    .append(Objects.requireNonNullElse(errorType, "no errorType"))
                    .append(": ")
                    .append(Objects.requireNonNullElse(errorMessage, "no errorMessage"));
        } else if (functionError != null) {
            // EventAgeExceeded after failed attempts, or a crash that left no error document.
            reason.append(": ").append(functionError).append(" function error");
        }
        return reason.toString();
    }

    /**
     * The characters of the record's top-level {@code requestPayload} object, as received. Re-serialising the parsed
     * tree could change what Lambda hands the function (number forms, escapes, key order); this does not.
     */
    private static Optional<String> rawRequestPayload(String rawBody) {
        try (JsonParser parser = JSON.createParser(rawBody)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("requestPayload".equals(field) && value == JsonToken.START_OBJECT) {
                    int start = Math.toIntExact(parser.currentTokenLocation().getCharOffset());
                    parser.skipChildren();
                    int end = Math.toIntExact(parser.currentTokenLocation().getCharOffset()) + 1;
                    return Optional.of(rawBody.substring(start, end));
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            // The body parsed as a tree a moment ago; a second read of the same string cannot fail differently.
            throw new IllegalStateException("Re-reading an invocation record that parsed once failed", e);
        }
    }

    /** The envelope parts EventBridge always sets, and the ones a consumer reads; absent ones by name. */
    private static List<String> missingEnvelopeParts(JsonNode event) {
        List<String> missing = new ArrayList<>();
        for (String field : List.of("id", "source", "detail-type")) {
            if (!event.path(field).isTextual()) {
                missing.add(field);
            }
        }
        if (!event.path("detail").isObject()) {
            missing.add("detail");
        }
        return missing;
    }

    private static String orderIdIn(JsonNode event) {
        // Only this field of the detail is read: the rest holds the customer's personal data.
        return id(event.path("detail"), "orderId");
    }

    /** An id for printing: whatever a malformed event holds there is made one short, clean line. */
    private static String id(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : ErrorText.of(value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static DeadLetter unrecognised(String reason) {
        return new DeadLetter(Kind.UNRECOGNISED, null, null, null, null, reason);
    }
}
