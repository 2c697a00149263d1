package shop.redrive;

/** Lambda did not accept an event for asynchronous invocation; the message saying why is safe to print. */
public final class RedeliveryException extends RuntimeException {

    public RedeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
