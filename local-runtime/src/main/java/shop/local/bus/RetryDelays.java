package shop.local.bus;

import java.time.Duration;

/**
 * Lambda's waits between asynchronous attempts (one minute before the first retry, two before the second), divided by a
 * speed-up so that a local run shows retries in a fraction of a second: by 600 by default, 100 ms and 200 ms.
 */
public record RetryDelays(int speedUp) {

    /** Local default: one minute becomes 100 ms. */
    public static final int DEFAULT_SPEED_UP = 600;

    public RetryDelays {
        if (speedUp < 1) {
            throw new IllegalArgumentException("The retry speed-up must be at least 1 (real time), got " + speedUp);
        }
    }

    /** How long to wait before attempt number {@code attempt} (2 is the first retry). */
    public Duration before(int attempt) {
        return Duration.ofMinutes(attempt - 1).dividedBy(speedUp);
    }
}
