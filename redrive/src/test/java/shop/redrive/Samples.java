package shop.redrive;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sample dead letters of {@code events/sqs/} and the events of {@code events/eventbridge/}, as the tests use them.
 */
final class Samples {

    static final String RULE_DEAD_LETTER = "eventbridge-rule-dead-letter.json";
    static final String ON_FAILURE_RECORD = "lambda-on-failure-record.json";
    static final String UNRECOGNISED = "unrecognised.json";

    /** The consumer both recognised samples failed in. */
    static final FunctionTarget EMAIL = FunctionTarget.parse("shop-EmailFunction-A1B2C3D4E5F6");

    static final ObjectMapper JSON = new ObjectMapper();

    // Maven runs the tests in the module folder; the samples are filed by producer at the repository root.
    private static final Path EVENTS = Path.of("..", "events");

    private Samples() {}

    /** The one message of an SQS sample, as the queue adapter hands it over. */
    static QueueMessage message(String file) {
        SQSEvent.SQSMessage record = EventLoader.loadSQSEvent(
                        EVENTS.resolve("sqs").resolve(file).toString())
                .getRecords()
                .get(0);
        Map<String, String> attributes = new LinkedHashMap<>();
        record.getMessageAttributes().forEach((name, value) -> attributes.put(name, value.getStringValue()));
        return new QueueMessage(record.getMessageId(), record.getReceiptHandle(), record.getBody(), attributes);
    }

    /** The same message under another id, as a second dead letter of the same event would arrive. */
    static QueueMessage copy(QueueMessage message, String messageId) {
        return new QueueMessage(messageId, "receipt-of-" + messageId, message.body(), message.attributes());
    }

    /** {@code message} with its body replaced by {@code body} written compactly, as the senders write. */
    static QueueMessage withBody(QueueMessage message, JsonNode body) {
        return new QueueMessage(message.messageId(), message.receiptHandle(), body.toString(), message.attributes());
    }

    /** {@code message} without the attribute {@code name}. */
    static QueueMessage without(QueueMessage message, String name) {
        Map<String, String> attributes = new LinkedHashMap<>(message.attributes());
        attributes.remove(name);
        return new QueueMessage(message.messageId(), message.receiptHandle(), message.body(), attributes);
    }

    /** The body of a message as a mutable tree. */
    static ObjectNode body(QueueMessage message) {
        try {
            return (ObjectNode) JSON.readTree(message.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("Sample body is not JSON: message " + message.messageId(), e);
        }
    }

    /** An EventBridge envelope from {@code events/eventbridge/}. */
    static JsonNode eventbridge(String file) {
        Path path = EVENTS.resolve("eventbridge").resolve(file);
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
