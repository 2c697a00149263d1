package shop.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * An event parked in a function's dead-letter queue. Two writers use the same queue: Lambda, after the function failed
 * every attempt (a record with {@code requestContext}, the event as {@code requestPayload} and the error as
 * {@code responsePayload}), and EventBridge, when it could not invoke the function at all (the event itself as the
 * body, the reason in the message attributes {@code ERROR_CODE} and {@code ERROR_MESSAGE}).
 *
 * @param attempts Lambda's count of invocations; 0 when EventBridge never reached the function
 * @param customerId the event's customer id, which opens the tables keyed by customer
 */
public record DeadLetter(
        String function,
        String eventId,
        String orderId,
        String customerId,
        int attempts,
        String reason,
        String writer) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads one queue message body, with its message attributes (name to string value). */
    public static DeadLetter parse(String function, String body, Map<String, String> attributes) {
        JsonNode message;
        try {
            message = JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("A message in the dead-letter queue of " + function + " is not JSON", e);
        }
        if (message.has("requestPayload")) {
            JsonNode event = message.path("requestPayload");
            JsonNode error = message.path("responsePayload");
            String reason = message.path("requestContext").path("condition").asText("") + ": "
                    + error.path("errorType").asText("") + " "
                    + error.path("errorMessage").asText("");
            return new DeadLetter(
                    function,
                    event.path("id").asText(""),
                    orderIdIn(event),
                    customerIdIn(event),
                    message.path("requestContext")
                            .path("approximateInvokeCount")
                            .asInt(0),
                    reason.strip(),
                    "Lambda");
        }
        String reason = (attributes.getOrDefault("ERROR_CODE", "") + " " + attributes.getOrDefault("ERROR_MESSAGE", ""))
                .strip();
        return new DeadLetter(
                function,
                message.path("id").asText(""),
                orderIdIn(message),
                customerIdIn(message),
                0,
                reason,
                "EventBridge");
    }

    private static String customerIdIn(JsonNode event) {
        return event.path("detail").path("customer").path("customerId").asText("");
    }

    private static String orderIdIn(JsonNode event) {
        return event.path("detail").path("orderId").asText("");
    }
}
