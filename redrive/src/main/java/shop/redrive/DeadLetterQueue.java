package shop.redrive;

import java.util.List;

/** The dead-letter queue being drained, as the redrive needs it. Implementations throw {@link QueueException}. */
public interface DeadLetterQueue {

    /**
     * Up to {@code maxMessages} (1 to 10) messages, hidden from other readers long enough for the redrive to handle
     * them; an empty list means the queue has nothing visible left.
     */
    List<QueueMessage> receive(int maxMessages);

    /** Removes a message for good; only ever called once its event is safely back with the consumer. */
    void delete(QueueMessage message);

    /** Makes a received message visible again at once, for the next run or another reader. */
    void release(QueueMessage message);
}
