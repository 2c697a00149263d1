package shop.events;

import java.util.List;

/**
 * An event a consumer must not process: wrong source or type, unknown major version, or missing what the consumer
 * reads.
 *
 * <p>Thrown, never swallowed: Lambda retries it and then sends it to the function's on-failure destination, so a poison
 * event is parked with its reason instead of being dropped.
 */
public final class InvalidEventException extends RuntimeException {

    private final List<String> problems;

    public InvalidEventException(String consumer, List<String> problems) {
        super(consumer + " rejected the event: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem on its own, naming the field or envelope part at fault. */
    public List<String> problems() {
        return problems;
    }
}
