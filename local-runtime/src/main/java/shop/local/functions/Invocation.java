package shop.local.functions;

import java.time.Duration;
import java.util.Optional;

/**
 * One finished invocation: its request id, whether it started a new instance, how long it ran, and either the
 * handler's result as JSON or its failure.
 */
public record Invocation(String requestId, boolean coldStart, Duration duration, Optional<byte[]> output, Optional<Failure> failure) {

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
