package shop.emulator;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.template.SamTemplate;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * A consumer's dead-letter queue created in the emulator for one test, filled from the sample dead letters of
 * {@code events/sqs/} as EventBridge and Lambda would have sent them, read back at the end, and deleted on close.
 */
final class DeadLetterQueueInEmulator implements AutoCloseable {

    private static final Path SAMPLES =
            SamTemplate.locate(Path.of("")).resolveSibling("events").resolve("sqs");

    private final EmulatorSession session;
    private final String url;

    private DeadLetterQueueInEmulator(EmulatorSession session, String url) {
        this.session = session;
        this.url = url;
    }

    /** A new, empty queue named after the template's queue {@code logicalId} and this run. */
    static DeadLetterQueueInEmulator create(EmulatorSession session, String logicalId) {
        String name = "it" + UUID.randomUUID().toString().substring(0, 8) + "-" + logicalId;
        return new DeadLetterQueueInEmulator(
                session, session.sqs().createQueue(r -> r.queueName(name)).queueUrl());
    }

    String url() {
        return url;
    }

    /** The one message of sample {@code file}: its body as SQS carries it, its string attributes. */
    static SQSEvent.SQSMessage sample(String file) {
        return EventLoader.loadSQSEvent(SAMPLES.resolve(file).toString())
                .getRecords()
                .get(0);
    }

    /** Sends {@code message}'s body and attributes, as its original sender did. */
    void send(SQSEvent.SQSMessage message) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        message.getMessageAttributes()
                .forEach((name, value) -> attributes.put(
                        name,
                        MessageAttributeValue.builder()
                                .dataType(value.getDataType())
                                .stringValue(value.getStringValue())
                                .build()));
        session.sqs()
                .sendMessage(r -> r.queueUrl(url).messageBody(message.getBody()).messageAttributes(attributes));
    }

    /**
     * The bodies of the messages visible now, read until a receive comes back empty or {@code bound} passes; each is
     * hidden for longer than the bound, so none is counted twice. A message the redrive left hidden is not seen.
     */
    List<String> visibleBodies(Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        Map<String, String> bodies = new HashMap<>();
        while (Instant.now().isBefore(deadline)) {
            List<Message> messages = session.sqs()
                    .receiveMessage(r -> r.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .visibilityTimeout(Math.toIntExact(bound.toSeconds()) + 30))
                    .messages();
            if (messages.isEmpty()) {
                return List.copyOf(bodies.values());
            }
            messages.forEach(message -> bodies.put(message.messageId(), message.body()));
        }
        throw new AssertionError(
                "The queue " + url + " still returned messages after " + bound + "; read " + bodies.size());
    }

    @Override
    public void close() {
        session.sqs().deleteQueue(r -> r.queueUrl(url));
    }
}
