package shop.journey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What happened to one order, function by function: producers first, then each subscriber with its rule. */
public record OrderStory(String orderId, List<FunctionStory> functions) {

    /** One function's part: its attempts, the lines it wrote about the order, its writes and its dead letters. */
    public record FunctionStory(
            String function,
            Optional<String> rule,
            List<Attempt> attempts,
            List<LogEntry> lines,
            List<Written> written,
            List<ParkedEvent> deadLetters) {

        /** Whether the rule delivered the order (or a dead letter shows it tried). */
        public boolean reached() {
            return !attempts.isEmpty() || !lines.isEmpty() || !deadLetters.isEmpty();
        }
    }

    /**
     * One invocation attempt.
     *
     * @param time when it began: its report's time less its duration, or its first line's time
     * @param durationMs from Lambda's {@code platform.report}, empty when the log has none
     * @param status {@code success}, {@code error}, {@code failure}, {@code timeout}, or {@code unreported}
     */
    public record Attempt(String requestId, Instant time, Optional<Double> durationMs, String status) {}

    /**
     * What a table holds for the order.
     *
     * @param items each item's key and shown attributes; empty when nothing is there
     * @param notRead why the table was not read (its key needs something unknown), else empty
     */
    public record Written(String table, List<Map<String, String>> items, Optional<String> notRead) {}
}
