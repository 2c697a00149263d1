package shop.redrive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import shop.redrive.Outcome.LeftBecause;
import shop.redrive.Outcome.Result;

/**
 * Drains a consumer's dead-letter queue back into the consumer, one message at a time: reads it, hands the original
 * event to Lambda asynchronously, and deletes the message only once Lambda has accepted the event. Anything not
 * redriven stays in the queue; it is kept hidden until the run ends, so no message is counted twice, then made visible
 * again at once.
 *
 * <p>One run per instance; not thread-safe.
 */
public final class Redrive {

    /** The most messages SQS returns for one receive. */
    public static final int BATCH = 10;

    /** Lambda's answer to an asynchronous invoke it has queued. */
    static final int ACCEPTED = 202;

    private final DeadLetterQueue queue;
    private final Redelivery redelivery;
    private final FunctionTarget target;
    private final boolean dryRun;
    private final int max;
    private final Consumer<String> out;

    /**
     * @param target the consumer the queue belongs to; dead letters of any other function are left alone
     * @param dryRun list the messages only: no invoke, no delete
     * @param max the most messages to receive in this run
     * @param out where each message's line goes as it is handled
     */
    public Redrive(
            DeadLetterQueue queue,
            Redelivery redelivery,
            FunctionTarget target,
            boolean dryRun,
            int max,
            Consumer<String> out) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, not " + max);
        }
        this.queue = queue;
        this.redelivery = redelivery;
        this.target = target;
        this.dryRun = dryRun;
        this.max = max;
        this.out = out;
    }

    /**
     * Runs until the queue shows nothing new, {@code max} messages were received, SQS fails, or Lambda accepted no
     * event of a batch (two invokes at least); reports those in {@link RedriveReport#stoppedBy()} rather than throwing.
     */
    public RedriveReport run() {
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // Received and not deleted, by message id: released when the run ends.
        Map<String, QueueMessage> kept = new LinkedHashMap<>();
        String stoppedBy = null;
        List<String> releaseFailures;
        try {
            while (outcomes.size() < max) {
                List<QueueMessage> batch;
                try {
                    batch = queue.receive(Math.min(BATCH, max - outcomes.size()));
                } catch (QueueException e) {
                    stoppedBy = e.getMessage();
                    break;
                }
                boolean anyNew = false;
                int invokes = 0;
                int invokesFailed = 0;
                for (QueueMessage message : batch) {
                    if (!seen.add(message.messageId()) || outcomes.size() >= max) {
                        // Seen: its visibility timeout ran out during a long run and it came back; it was handled
                        // then. Keep the newest receipt handle, the only one a release still accepts.
                        kept.put(message.messageId(), message);
                        continue;
                    }
                    anyNew = true;
                    Outcome outcome = handle(message);
                    outcomes.add(outcome);
                    out.accept(outcome.line());
                    if (outcome.result() != Result.REDRIVEN) {
                        kept.put(message.messageId(), message);
                    }
                    if (outcome.result() == Result.REDRIVEN || outcome.leftBecause() == LeftBecause.DELETE_FAILED) {
                        invokes++;
                    } else if (outcome.leftBecause() == LeftBecause.INVOKE_FAILED) {
                        invokes++;
                        invokesFailed++;
                    }
                }
                if (invokes >= 2 && invokesFailed == invokes) {
                    // Throttled, not permitted, alias gone: trying thousands more would only hammer Lambda.
                    stoppedBy = "Lambda accepted none of the last " + invokes + " events (reasons above); "
                            + "the rest of the queue was not tried";
                    break;
                }
                // Empty: nothing visible is left. Only repeats: everything visible has been handled in this run.
                if (!anyNew) {
                    break;
                }
            }
        } finally {
            releaseFailures = release(kept.values());
        }
        return new RedriveReport(dryRun, outcomes, releaseFailures, stoppedBy);
    }

    private Outcome handle(QueueMessage message) {
        DeadLetter letter = DeadLetter.of(message);
        if (!letter.recognised()) {
            return new Outcome(message.messageId(), letter, Result.UNRECOGNISED, null, null);
        }
        if (!target.isFunctionOf(letter.failedFunction())) {
            // Redriving another consumer's event here would bypass that consumer's rule filter (rewards only for
            // signups) and leave the right consumer without it.
            String owner = FunctionTarget.nameIn(letter.failedFunction()).orElse(ErrorText.of(letter.failedFunction()));
            return left(
                    message,
                    letter,
                    LeftBecause.OTHER_FUNCTION,
                    "it failed in " + owner + ", not " + target.name() + "; redrive it with --function " + owner);
        }
        if (dryRun) {
            return new Outcome(message.messageId(), letter, Result.LISTED, null, null);
        }
        int status;
        try {
            status = redelivery.invokeAsync(letter.event());
        } catch (RedeliveryException e) {
            return left(message, letter, LeftBecause.INVOKE_FAILED, ErrorText.of(e.getMessage()));
        }
        if (status != ACCEPTED) {
            return left(message, letter, LeftBecause.INVOKE_FAILED, "Lambda answered " + status + ", not 202 Accepted");
        }
        try {
            queue.delete(message);
        } catch (QueueException e) {
            return left(
                    message,
                    letter,
                    LeftBecause.DELETE_FAILED,
                    ErrorText.of(e.getMessage()) + "; the next run redrives the event again, which the consumer's"
                            + " idempotency makes harmless");
        }
        return new Outcome(message.messageId(), letter, Result.REDRIVEN, null, null);
    }

    private static Outcome left(QueueMessage message, DeadLetter letter, LeftBecause because, String detail) {
        return new Outcome(message.messageId(), letter, Result.LEFT, because, detail);
    }

    /** Makes every kept message visible again; a failure is reported, not thrown, and does not stop the others. */
    private List<String> release(Iterable<QueueMessage> kept) {
        List<String> failures = new ArrayList<>();
        for (QueueMessage message : kept) {
            try {
                queue.release(message);
            } catch (QueueException e) {
                failures.add("message " + ErrorText.of(message.messageId()) + ": " + ErrorText.of(e.getMessage()));
            }
        }
        return failures;
    }
}
