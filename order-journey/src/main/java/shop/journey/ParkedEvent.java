package shop.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import shop.redrive.DeadLetter;
import shop.redrive.QueueMessage;

/**
 * An event parked in a function's dead-letter queue, as the journey prints it. Read by redrive's {@link DeadLetter},
 * which knows both writers (Lambda's OnFailure record, EventBridge's rule dead letter) and makes the error text fit to
 * print: one line, email addresses masked (an SES rejection names the recipient). This adds the customer id.
 *
 * @param customerId the event's customer id, which opens the tables keyed by customer; empty when unreadable
 * @param writer {@code Lambda}, {@code EventBridge}, or {@code unrecognised}
 * @param reason the writer's reason (Lambda's with its attempt count), or why the message is unrecognised
 */
public record ParkedEvent(String eventId, String orderId, String customerId, String writer, String reason) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads one dead-letter message; an unreadable one is shown as unrecognised, never dropped. */
    public static ParkedEvent of(QueueMessage message) {
        DeadLetter letter = DeadLetter.of(message);
        String writer = switch (letter.kind()) {
            case LAMBDA_ON_FAILURE -> "Lambda";
            case EVENTBRIDGE_RULE -> "EventBridge";
            case UNRECOGNISED -> "unrecognised";
        };
        return new ParkedEvent(
                orEmpty(letter.eventId()),
                orEmpty(letter.orderId()),
                customerIdIn(letter.event()),
                writer,
                letter.reason());
    }

    private static String customerIdIn(String event) {
        if (event == null) {
            return "";
        }
        try {
            JsonNode customerId =
                    JSON.readTree(event).path("detail").path("customer").path("customerId");
            return customerId.isTextual() ? customerId.asText() : "";
        } catch (JsonProcessingException e) {
            // redrive's reader parsed this event already; only a recognised letter carries one.
            return "";
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
