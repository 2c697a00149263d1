package shop.local.bus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import shop.local.functions.Invocation;
import shop.local.functions.LambdaFunction;
import shop.local.journal.Journal;
import shop.local.json.Json;

/**
 * Lambda's asynchronous invocation, as EventBridge uses it: each delivery runs on a worker, concurrently with the
 * others; a failed attempt is retried as often as the function's EventInvokeConfig says, after Lambda's waits scaled by
 * {@link RetryDelays}; after the last retry the event goes to the {@link DeadLetterStore}. Every step is recorded in
 * the {@link Ledger}. Thread-safe.
 */
public final class AsyncInvoker implements AutoCloseable {

    private final Map<String, LambdaFunction> functions;
    private final Map<String, Integer> retries;
    private final Map<String, String> arns;
    private final RetryDelays delays;
    private final Ledger ledger;
    private final DeadLetterStore deadLetters;
    private final PrintStream problems;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Journal journal;

    /**
     * @param retries per function: retries after the first attempt
     * @param arns per function: its ARN, for dead-letter records
     * @param concurrency how many deliveries run at once
     * @param problems where a fault of the runtime itself is reported
     * @param journal where each delivery's progress is recorded, to resume it after a crash
     */
    public AsyncInvoker(
            Map<String, LambdaFunction> functions,
            Map<String, Integer> retries,
            Map<String, String> arns,
            RetryDelays delays,
            Ledger ledger,
            DeadLetterStore deadLetters,
            int concurrency,
            PrintStream problems,
            Journal journal) {
        this.journal = journal;
        this.functions = Map.copyOf(functions);
        this.retries = Map.copyOf(retries);
        this.arns = Map.copyOf(arns);
        this.delays = delays;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.problems = problems;
        AtomicInteger count = new AtomicInteger();
        this.workers =
                Executors.newFixedThreadPool(concurrency, task -> daemon(task, "delivery-" + count.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "retry-timer"));
    }

    /**
     * Starts delivering {@code envelope} by {@code rule} to {@code function} with attempt number {@code attempt} (1 for
     * a new event); the ledger must already hold the event.
     */
    public void deliver(JsonNode envelope, String rule, String function, int attempt) {
        byte[] payload = Json.bytes(envelope);
        String eventId = envelope.path("id").asText();
        workers.execute(() -> attempt(eventId, envelope, payload, rule, function, attempt));
    }

    private void attempt(String eventId, JsonNode envelope, byte[] payload, String rule, String function, int number) {
        try {
            Invocation invocation = functions.get(function).invoke(payload);
            ledger.attempted(eventId, rule, invocation);
            if (invocation.succeeded()) {
                // Not waited for: if this record is lost in a crash the delivery is made again, and the consumer
                // dedupes it (at least once, as EventBridge and Lambda deliver).
                journal.append(BusRecords.succeeded(eventId, rule));
                ledger.succeeded(eventId, rule);
            } else if (number <= retries.get(function)) {
                journal.append(BusRecords.failedAttempt(eventId, rule, number));
                Duration wait = delays.before(number + 1);
                timer.schedule(
                        () -> workers.execute(() -> attempt(eventId, envelope, payload, rule, function, number + 1)),
                        wait.toNanos(),
                        TimeUnit.NANOSECONDS);
            } else {
                Path file = deadLetters.write(
                        function, arns.get(function), envelope, Optional.of(invocation), number, "RetriesExhausted");
                journal.append(BusRecords.deadLettered(eventId, rule, file));
                ledger.deadLettered(eventId, rule, file);
            }
        } catch (RejectedExecutionException stopping) {
            // The runtime is closing: close() dead-letters whatever is still pending.
        } catch (RuntimeException | Error fault) {
            problems.println("Local runtime fault delivering event " + eventId + " to " + function + ":");
            fault.printStackTrace(problems);
            throw fault;
        }
    }

    /**
     * Waits up to {@code drain} for pending deliveries, then stops; a delivery still pending is written to the
     * dead-letter store (condition {@code RuntimeStopped}), so that a shutdown loses nothing either.
     */
    public void close(Duration drain) {
        try {
            ledger.awaitSettled(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Ledger.PendingDelivery open : ledger.pending()) {
            Optional<Invocation> last = open.attempts().isEmpty()
                    ? Optional.empty()
                    : Optional.of(open.attempts().get(open.attempts().size() - 1));
            Path file = deadLetters.write(
                    open.function(),
                    arns.get(open.function()),
                    open.envelope(),
                    last,
                    open.attempts().size(),
                    "RuntimeStopped");
            journal.append(BusRecords.deadLettered(open.eventId(), open.rule(), file));
            if (!ledger.deadLettered(open.eventId(), open.rule(), file)) {
                // It settled while we wrote: the dead letter is a duplicate the consumer's idempotency absorbs on
                // redrive.
                problems.println("Delivery of " + open.eventId() + " to " + open.function()
                        + " settled during shutdown; extra dead letter kept at " + file);
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
