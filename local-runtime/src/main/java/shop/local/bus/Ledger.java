package shop.local.bus;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import shop.local.functions.Invocation;

/**
 * The bus's account of every event it accepted: which rules matched, and for each target function every attempt and how
 * the delivery ended. It is what makes "nothing accepted is lost" checkable: see {@link #unaccounted}.
 *
 * <p>Thread-safe; listeners are called outside the lock, once per event, when its last delivery settles.
 */
public final class Ledger {

    /** Where a delivery stands. */
    public enum Outcome {
        PENDING,
        SUCCEEDED,
        DEAD_LETTERED
    }

    /** One delivery of one event to one function, as it stands. */
    public record Delivery(
            String function,
            String rule,
            Outcome outcome,
            List<Invocation> attempts,
            Optional<Path> deadLetter,
            Optional<String> redrivenAs) {}

    /**
     * One accepted event and its deliveries; {@code redriveOf} names the event it re-sends from the dead-letter store.
     */
    public record Event(
            String id, JsonNode envelope, Instant acceptedAt, Optional<String> redriveOf, List<Delivery> deliveries) {

        public boolean settled() {
            return deliveries.stream().noneMatch(d -> d.outcome() == Outcome.PENDING);
        }

        public boolean succeeded() {
            return deliveries.stream().allMatch(d -> d.outcome() == Outcome.SUCCEEDED);
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private int pending;

    /** Called with each event once all its deliveries have settled (at once for an event no rule matched). */
    public void onSettled(Consumer<Event> listener) {
        listeners.add(listener);
    }

    /** Records an accepted event and the (rule, function) pairs it must reach. */
    public void accepted(String id, JsonNode envelope, Instant at, Optional<String> redriveOf, List<Target> targets) {
        Event settledAtOnce;
        synchronized (this) {
            Entry entry = new Entry(id, envelope, at, redriveOf);
            targets.forEach(target ->
                    entry.deliveries.put(target.rule(), new MutableDelivery(target.function(), target.rule())));
            entries.put(id, entry);
            pending += targets.size();
            settledAtOnce = targets.isEmpty() ? entry.snapshot() : null;
        }
        if (settledAtOnce != null) {
            listeners.forEach(listener -> listener.accept(settledAtOnce));
        }
    }

    /** A rule that matched and the function it targets. */
    public record Target(String rule, String function) {}

    public synchronized void attempted(String eventId, String rule, Invocation invocation) {
        delivery(eventId, rule).attempts.add(invocation);
    }

    /** The delivery succeeded; false when it had already settled (then nothing changes). */
    public boolean succeeded(String eventId, String rule) {
        return settle(eventId, rule, Outcome.SUCCEEDED, null);
    }

    /** The delivery ended in the dead-letter store at {@code file}; false when it had already settled. */
    public boolean deadLettered(String eventId, String rule, Path file) {
        return settle(eventId, rule, Outcome.DEAD_LETTERED, file);
    }

    /** The dead letters of {@code eventId} went back on the bus as {@code newEventId}. */
    public synchronized void redriven(String eventId, String newEventId) {
        Entry entry = entries.get(eventId);
        if (entry != null) {
            entry.deliveries.values().stream()
                    .filter(d -> d.outcome == Outcome.DEAD_LETTERED)
                    .forEach(d -> d.redrivenAs = newEventId);
        }
    }

    /** Waits until no delivery is pending, at most {@code timeout}; true when none is. */
    public synchronized boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    public synchronized Optional<Event> event(String id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::snapshot);
    }

    /** Every accepted event, in order of acceptance. */
    public synchronized List<Event> events() {
        return entries.values().stream().map(Entry::snapshot).toList();
    }

    /** Deliveries still pending, for a shutdown that cannot wait longer. */
    public synchronized List<PendingDelivery> pending() {
        List<PendingDelivery> open = new ArrayList<>();
        entries.values()
                .forEach(entry -> entry.deliveries.values().stream()
                        .filter(d -> d.outcome == Outcome.PENDING)
                        .forEach(d -> open.add(new PendingDelivery(
                                entry.id, entry.envelope, d.rule, d.function, List.copyOf(d.attempts)))));
        return open;
    }

    /** A delivery that has not settled. */
    public record PendingDelivery(
            String eventId, JsonNode envelope, String rule, String function, List<Invocation> attempts) {}

    /**
     * The invariant "every accepted event ends processed by every matching consumer or in the dead-letter store": every
     * delivery that breaks it, described; empty when it holds. A dead letter counts while its file is in {@code store},
     * or once redriven, if the redriven event's delivery to the same function is itself accounted for.
     */
    public synchronized List<String> unaccounted(DeadLetterStore store) {
        List<String> problems = new ArrayList<>();
        for (Entry entry : entries.values()) {
            for (MutableDelivery delivery : entry.deliveries.values()) {
                String problem = problem(entry.id, delivery, store, 0);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        return problems;
    }

    private String problem(String eventId, MutableDelivery delivery, DeadLetterStore store, int depth) {
        String where = "event " + eventId + " -> " + delivery.function + " (rule " + delivery.rule + ")";
        switch (delivery.outcome) {
            case SUCCEEDED -> {
                return null;
            }
            case PENDING -> {
                return where + ": still pending";
            }
            default -> {
                if (delivery.deadLetter != null && store.contains(delivery.deadLetter)) {
                    return null;
                }
                if (delivery.redrivenAs == null) {
                    return where + ": dead-lettered, but its dead letter " + delivery.deadLetter
                            + " is gone and it was not redriven";
                }
                Entry redrive = entries.get(delivery.redrivenAs);
                MutableDelivery again = redrive == null ? null : redrive.deliveries.get(delivery.rule);
                if (again == null || depth > entries.size()) {
                    return where + ": redriven as " + delivery.redrivenAs + ", which did not reach "
                            + delivery.function;
                }
                return problem(delivery.redrivenAs, again, store, depth + 1);
            }
        }
    }

    private boolean settle(String eventId, String rule, Outcome outcome, Path deadLetter) {
        Event settled;
        synchronized (this) {
            MutableDelivery delivery = delivery(eventId, rule);
            if (delivery.outcome != Outcome.PENDING) {
                return false;
            }
            delivery.outcome = outcome;
            delivery.deadLetter = deadLetter;
            Event event = entries.get(eventId).snapshot();
            settled = event.settled() ? event : null;
            if (settled == null) {
                pending--;
                notifyAll();
                return true;
            }
        }
        // The last delivery counts as settled once listeners have seen the event: whoever waits for the ledger to
        // settle then also finds the event's block printed.
        try {
            listeners.forEach(listener -> listener.accept(settled));
        } finally {
            synchronized (this) {
                pending--;
                notifyAll();
            }
        }
        return true;
    }

    private MutableDelivery delivery(String eventId, String rule) {
        Entry entry = entries.get(eventId);
        MutableDelivery delivery = entry == null ? null : entry.deliveries.get(rule);
        if (delivery == null) {
            throw new IllegalStateException("The ledger has no delivery of event " + eventId + " by rule " + rule);
        }
        return delivery;
    }

    private static final class Entry {
        final String id;
        final JsonNode envelope;
        final Instant acceptedAt;
        final Optional<String> redriveOf;
        final Map<String, MutableDelivery> deliveries = new LinkedHashMap<>();

        Entry(String id, JsonNode envelope, Instant acceptedAt, Optional<String> redriveOf) {
            this.id = id;
            this.envelope = envelope;
            this.acceptedAt = acceptedAt;
            this.redriveOf = redriveOf;
        }

        Event snapshot() {
            return new Event(
                    id,
                    envelope,
                    acceptedAt,
                    redriveOf,
                    deliveries.values().stream().map(MutableDelivery::snapshot).toList());
        }
    }

    private static final class MutableDelivery {
        final String function;
        final String rule;
        final List<Invocation> attempts = new ArrayList<>();
        Outcome outcome = Outcome.PENDING;
        Path deadLetter;
        String redrivenAs;

        MutableDelivery(String function, String rule) {
            this.function = function;
            this.rule = rule;
        }

        Delivery snapshot() {
            return new Delivery(
                    function,
                    rule,
                    outcome,
                    List.copyOf(attempts),
                    Optional.ofNullable(deadLetter),
                    Optional.ofNullable(redrivenAs));
        }
    }
}
