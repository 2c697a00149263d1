package shop.redrive;

import java.util.Map;
import java.util.Objects;

/**
 * One message as received from a dead-letter queue: its id, the receipt handle of this receive, the body exactly as
 * sent, and the string message attributes by name (binary ones are not read: neither sender writes any).
 */
public record QueueMessage(String messageId, String receiptHandle, String body, Map<String, String> attributes) {

    public QueueMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(receiptHandle, "receiptHandle");
        Objects.requireNonNull(body, "body");
        attributes = Map.copyOf(attributes);
    }

    /** The same message as received again, under a new receipt handle. */
    public QueueMessage withReceiptHandle(String newReceiptHandle) {
        return new QueueMessage(messageId, newReceiptHandle, body, attributes);
    }
}
