package shop.reliability;

import com.amazonaws.services.lambda.runtime.Context;
import shop.events.InvalidEventException;
import shop.testkit.SampleEvent;

/**
 * Delivers an event as Lambda's asynchronous invocation does: an invocation that fails is invoked again, until it
 * succeeds or the event is rejected as invalid (which Lambda would also retry, then park in the on-failure queue).
 */
final class Deliveries {

    /** Far more than Lambda's 3 attempts: here a retry comes at once, not a minute later when the holder is done. */
    static final int MAX_ATTEMPTS = 10_000;

    /** How one delivery ended. */
    sealed interface Outcome {}

    /** The handler returned, after {@code attempts} invocations. */
    record Processed(int attempts) implements Outcome {}

    /** The handler refused the event as invalid, naming the problems. */
    record Rejected(InvalidEventException reason) implements Outcome {}

    private Deliveries() {}

    static Outcome deliver(Subscriber subscriber, SampleEvent event, Context context) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                event.deliverTo(subscriber.handler(), context);
                return new Processed(attempt);
            } catch (InvalidEventException invalid) {
                return new Rejected(invalid);
            } catch (RuntimeException retryable) {
                // e.g. another invocation holds the order's claim: Lambda invokes again later.
                last = retryable;
                Thread.yield();
            }
        }
        throw new AssertionError(subscriber.function() + " never succeeded in " + MAX_ATTEMPTS + " attempts", last);
    }
}
