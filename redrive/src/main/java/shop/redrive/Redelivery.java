package shop.redrive;

/**
 * Hands an event back to the consumer. Implementations throw {@link RedeliveryException} when it was not handed over.
 */
public interface Redelivery {

    /**
     * Invokes the consumer asynchronously with {@code event} as the payload, unchanged, and returns the status the
     * service answered; {@code 202} means Lambda queued the event, which from then on retries it and, failing, sends it
     * to the on-failure destination again.
     */
    int invokeAsync(String event);
}
