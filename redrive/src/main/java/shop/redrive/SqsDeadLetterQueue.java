package shop.redrive;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** {@link DeadLetterQueue} on an SQS queue, through the SDK client given. Thread-safe as the client is. */
public final class SqsDeadLetterQueue implements DeadLetterQueue {

    /** Long poll: an empty answer then means the queue is empty, not that the sampled servers were. */
    public static final Duration LONG_POLL = Duration.ofSeconds(5);

    /**
     * How long a received message stays hidden: a whole batch redriven one by one, each invoke bounded by
     * {@link LambdaRedelivery#INVOKE_BOUND}, with room for the deletes. Messages kept back are released at the end of
     * the run; if the run is cut short they reappear after this.
     */
    public static final Duration VISIBILITY =
            LambdaRedelivery.INVOKE_BOUND.multipliedBy(Redrive.BATCH).plusSeconds(20);

    private final SqsClient sqs;
    private final String queueUrl;
    private final Duration longPoll;
    private final Duration visibility;

    public SqsDeadLetterQueue(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, LONG_POLL, VISIBILITY);
    }

    /** With other timings, for tests against an emulator. */
    public SqsDeadLetterQueue(SqsClient sqs, String queueUrl, Duration longPoll, Duration visibility) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.longPoll = longPoll;
        this.visibility = visibility;
    }

    @Override
    public List<QueueMessage> receive(int maxMessages) {
        try {
            return sqs
                    .receiveMessage(r -> r.queueUrl(queueUrl)
                            .maxNumberOfMessages(maxMessages)
                            .waitTimeSeconds(Math.toIntExact(longPoll.toSeconds()))
                            .visibilityTimeout(Math.toIntExact(visibility.toSeconds()))
                            // The EventBridge dead letter's RULE_ARN, TARGET_ARN, ERROR_CODE and ERROR_MESSAGE.
                            .messageAttributeNames("All"))
                    .messages()
                    .stream()
                    .map(SqsDeadLetterQueue::toQueueMessage)
                    .toList();
        } catch (SdkException e) {
            throw new QueueException("ReceiveMessage on " + queueUrl + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(QueueMessage message) {
        try {
            sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        } catch (SdkException e) {
            throw new QueueException("DeleteMessage of " + message.messageId() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(QueueMessage message) {
        try {
            sqs.changeMessageVisibility(r ->
                    r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        } catch (SdkException e) {
            throw new QueueException(
                    "ChangeMessageVisibility of " + message.messageId() + " failed: " + e.getMessage(), e);
        }
    }

    private static QueueMessage toQueueMessage(Message message) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, MessageAttributeValue> attribute :
                message.messageAttributes().entrySet()) {
            // String and Number attributes carry stringValue; binary ones (which neither sender writes) are skipped.
            if (attribute.getValue().stringValue() != null) {
                attributes.put(attribute.getKey(), attribute.getValue().stringValue());
            }
        }
        return new QueueMessage(message.messageId(), message.receiptHandle(), message.body(), attributes);
    }
}
