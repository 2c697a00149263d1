package shop.local.functions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One finished invocation: its request id, whether it started a new instance, how long it ran, either the handler's
 * result as JSON or its failure, and what it did through the AWS stand-in ({@code effects}, in words).
 */
public record Invocation(
        String requestId,
        boolean coldStart,
        Duration duration,
        Optional<byte[]> output,
        Optional<Failure> failure,
        List<String> effects) {

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
