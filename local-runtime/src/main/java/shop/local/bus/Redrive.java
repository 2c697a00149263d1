package shop.local.bus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.local.deploy.Deployment;

/**
 * Sends dead-lettered events back through the bus they came from: once per original event, however many functions
 * dead-lettered it (the consumers are idempotent, so those that already succeeded skip it), and removes each dead
 * letter as soon as its event is accepted again.
 */
public final class Redrive {

    private final EventBus bus;
    private final DeadLetterStore deadLetters;
    private final Ledger ledger;
    private final Deployment deployment;

    public Redrive(EventBus bus, DeadLetterStore deadLetters, Ledger ledger, Deployment deployment) {
        this.bus = bus;
        this.deadLetters = deadLetters;
        this.ledger = ledger;
        this.deployment = deployment;
    }

    /** What one redrive did: the ids of the events put back, and dead letters it could not place. */
    public record Result(List<String> eventIds, List<String> skipped) {}

    /** Redrives the dead letters of {@code function}, or of every function when empty. */
    public Result run(Optional<String> function) {
        Map<String, List<DeadLetterStore.DeadLetter>> byEvent = new LinkedHashMap<>();
        for (DeadLetterStore.DeadLetter letter : deadLetters.list(function)) {
            byEvent.computeIfAbsent(letter.eventId(), id -> new ArrayList<>()).add(letter);
        }
        List<String> sent = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        byEvent.forEach((eventId, letters) -> {
            Optional<String> home = busOf(letters.get(0));
            if (home.isEmpty()) {
                skipped.add(letters.get(0).file() + ": no rule of "
                        + letters.get(0).function() + " in the template matches it any more");
                return;
            }
            String newId = bus.redrive(home.get(), letters.get(0).event());
            ledger.redriven(eventId, newId);
            letters.forEach(deadLetters::remove);
            sent.add(newId);
        });
        return new Result(List.copyOf(sent), List.copyOf(skipped));
    }

    /** The bus on which one of the function's rules matches the event: where EventBridge had it from. */
    private Optional<String> busOf(DeadLetterStore.DeadLetter letter) {
        return deployment.subscriptions().stream()
                .filter(s -> s.function().equals(letter.function()))
                .map(Deployment.Subscription::bus)
                .distinct()
                .filter(bus -> this.bus.matches(bus, letter.event()).stream()
                        .anyMatch(s -> s.function().equals(letter.function())))
                .findFirst();
    }
}
