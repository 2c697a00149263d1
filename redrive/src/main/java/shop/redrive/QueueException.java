package shop.redrive;

/** SQS refused a receive, delete or visibility change; the message names the operation and the queue. */
public final class QueueException extends RuntimeException {

    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
