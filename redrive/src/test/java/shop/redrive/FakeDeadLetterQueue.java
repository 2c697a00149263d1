package shop.redrive;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory dead-letter queue with SQS's visible and in-flight states: a received message is hidden until deleted or
 * released, and each receive gives it a new receipt handle; an old handle is refused, as SQS refuses it once the
 * message has been received again. Records every call.
 */
final class FakeDeadLetterQueue implements DeadLetterQueue {

    private final Deque<QueueMessage> visible = new ArrayDeque<>();
    private final Map<String, QueueMessage> inFlight = new LinkedHashMap<>();
    final List<Integer> receiveSizes = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();
    final List<String> released = new ArrayList<>();
    private int receipts;

    FakeDeadLetterQueue(List<QueueMessage> messages) {
        visible.addAll(messages);
    }

    @Override
    public List<QueueMessage> receive(int maxMessages) {
        receiveSizes.add(maxMessages);
        List<QueueMessage> batch = new ArrayList<>();
        while (batch.size() < maxMessages && !visible.isEmpty()) {
            QueueMessage message = visible.poll().withReceiptHandle("receipt-" + ++receipts);
            inFlight.put(message.messageId(), message);
            batch.add(message);
        }
        return batch;
    }

    @Override
    public void delete(QueueMessage message) {
        deleted.add(current(message).messageId());
        inFlight.remove(message.messageId());
    }

    @Override
    public void release(QueueMessage message) {
        visible.add(inFlight.remove(current(message).messageId()));
        released.add(message.messageId());
    }

    /** What a reader of the queue would find once the run is over: visible and still hidden messages, by id. */
    List<String> remaining() {
        List<String> ids = new ArrayList<>();
        visible.forEach(message -> ids.add(message.messageId()));
        ids.addAll(inFlight.keySet());
        return ids;
    }

    /** Messages still hidden: received and neither deleted nor released. */
    List<String> hidden() {
        return List.copyOf(inFlight.keySet());
    }

    /** Simulates the visibility timeout running out for every in-flight message. */
    void expireVisibility() {
        visible.addAll(inFlight.values());
        inFlight.clear();
    }

    private QueueMessage current(QueueMessage message) {
        QueueMessage held = inFlight.get(message.messageId());
        if (held == null || !held.receiptHandle().equals(message.receiptHandle())) {
            throw new QueueException("ReceiptHandleIsInvalid for " + message.messageId(), null);
        }
        return held;
    }
}
