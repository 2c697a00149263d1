package shop.redrive;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import shop.redrive.Outcome.LeftBecause;
import shop.redrive.Outcome.Result;

/**
 * The result of one redrive run: every message received and its outcome, the messages that could not be made visible
 * again, and what stopped the run early, if anything.
 *
 * @param dryRun whether events were only listed
 * @param outcomes one per message received, in order
 * @param releaseFailures why messages kept back could not be made visible again (they reappear on their own)
 * @param stoppedBy why the run ended before the queue was empty or the bound reached; null if it did not
 */
public record RedriveReport(boolean dryRun, List<Outcome> outcomes, List<String> releaseFailures, String stoppedBy) {

    public RedriveReport {
        outcomes = List.copyOf(outcomes);
        releaseFailures = List.copyOf(releaseFailures);
    }

    public int received() {
        return outcomes.size();
    }

    public long count(Result result) {
        return outcomes.stream().filter(outcome -> outcome.result() == result).count();
    }

    /** How many messages stayed for each reason. */
    public Map<LeftBecause, Long> left() {
        return outcomes.stream()
                .filter(outcome -> outcome.result() == Result.LEFT)
                .collect(Collectors.groupingBy(
                        Outcome::leftBecause, () -> new EnumMap<>(LeftBecause.class), Collectors.counting()));
    }

    /** True when nothing stayed behind for an error: no failed, foreign or unrecognised message, no early stop. */
    public boolean clean() {
        return count(Result.LEFT) == 0
                && count(Result.UNRECOGNISED) == 0
                && releaseFailures.isEmpty()
                && stoppedBy == null;
    }

    /** The process exit code: 0 only for a clean run. */
    public int exitCode() {
        return clean() ? 0 : 1;
    }

    /** The closing lines for the operator. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "%sreceived %d, %s %d, left %d%s, unrecognised %d",
                dryRun ? "dry run: " : "",
                received(),
                dryRun ? "would redrive" : "redriven",
                count(dryRun ? Result.LISTED : Result.REDRIVEN),
                count(Result.LEFT),
                left().isEmpty()
                        ? ""
                        : left().entrySet().stream()
                                .map(entry ->
                                        entry.getValue() + " " + entry.getKey().label())
                                .collect(Collectors.joining(", ", " (", ")")),
                count(Result.UNRECOGNISED)));
        if (dryRun) {
            lines.add("Nothing was invoked or deleted; every message received is visible in the queue again.");
        }
        if (count(Result.REDRIVEN) > 0 || count(Result.LISTED) > 0) {
            lines.add("An event that partly succeeded before is safe to redrive: every consumer"
                    + " is idempotent on orderId.");
        }
        if (left().containsKey(LeftBecause.INVOKE_FAILED)) {
            lines.add("Messages whose invoke failed stay in the queue; run again once Lambda accepts invocations.");
        }
        if (count(Result.UNRECOGNISED) > 0) {
            lines.add(
                    "Unrecognised messages stay in the queue untouched; inspect them with 'aws sqs receive-message'.");
        }
        if (stoppedBy != null) {
            lines.add("Stopped early: " + stoppedBy);
        }
        for (String failure : releaseFailures) {
            lines.add("Not made visible again (it reappears when its visibility timeout ends): " + failure);
        }
        return lines;
    }
}
