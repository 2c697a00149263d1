package shop.local.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.local.functions.Failure;
import shop.local.functions.Invocation;
import shop.local.json.Json;

/**
 * The ledger's invariant: every accepted event ends processed by every matched consumer or in the dead-letter store.
 */
class LedgerTest {

    @TempDir
    Path folder;

    final Ledger ledger = new Ledger();
    DeadLetterStore store;

    @Test
    void succeededAndStoredDeliveriesAreAccountedFor() {
        store = new DeadLetterStore(folder, Clock.systemUTC());
        accept("e-1", "EmailRule", "RewardsRule");

        ledger.succeeded("e-1", "EmailRule");
        ledger.deadLettered("e-1", "RewardsRule", deadLetter("RewardsFunction", "e-1"));

        assertThat(ledger.unaccounted(store)).isEmpty();
    }

    @Test
    void pendingDeliveryIsNotAccountedFor() {
        store = new DeadLetterStore(folder, Clock.systemUTC());
        accept("e-1", "EmailRule");

        assertThat(ledger.unaccounted(store))
                .containsExactly("event e-1 -> EmailRuleFunction (rule EmailRule): still pending");
    }

    @Test
    void deadLetterThatVanishedWithoutRedriveIsLost() throws Exception {
        store = new DeadLetterStore(folder, Clock.systemUTC());
        accept("e-1", "RewardsRule");
        Path file = deadLetter("RewardsFunction", "e-1");
        ledger.deadLettered("e-1", "RewardsRule", file);

        Files.delete(file);

        assertThat(ledger.unaccounted(store)).singleElement().asString().contains("is gone and it was not redriven");
    }

    @Test
    void redrivenDeadLetterIsAccountedForByTheRedrivenDelivery() throws Exception {
        store = new DeadLetterStore(folder, Clock.systemUTC());
        accept("e-1", "RewardsRule");
        Path file = deadLetter("RewardsFunction", "e-1");
        ledger.deadLettered("e-1", "RewardsRule", file);
        Files.delete(file);
        ledger.redriven("e-1", "e-2");
        accept("e-2", "RewardsRule");

        List<String> whilePending = ledger.unaccounted(store);
        ledger.succeeded("e-2", "RewardsRule");

        // Both the redriven event and the original that now depends on it.
        assertThat(whilePending)
                .hasSize(2)
                .allSatisfy(problem -> assertThat(problem).contains("e-2").contains("still pending"));
        assertThat(ledger.unaccounted(store)).isEmpty();
    }

    @Test
    void settledEventIsReportedOnceWithAllItsDeliveries() throws Exception {
        store = new DeadLetterStore(folder, Clock.systemUTC());
        List<Ledger.Event> reported = new ArrayList<>();
        ledger.onSettled(reported::add);
        accept("e-1", "EmailRule", "WarehouseRule");

        ledger.succeeded("e-1", "EmailRule");
        ledger.succeeded("e-1", "WarehouseRule");
        ledger.succeeded("e-1", "WarehouseRule");

        assertThat(reported)
                .singleElement()
                .satisfies(event -> assertThat(event.deliveries()).hasSize(2));
        assertThat(ledger.awaitSettled(Duration.ZERO)).isTrue();
    }

    private void accept(String id, String... rules) {
        List<Ledger.Target> targets = new ArrayList<>();
        for (String rule : rules) {
            targets.add(new Ledger.Target(rule, rule + "Function"));
        }
        ledger.accepted(id, Json.object().put("id", id), Instant.now(), Optional.empty(), targets);
    }

    private Path deadLetter(String function, String eventId) {
        Invocation failed = new Invocation(
                "req-1",
                false,
                Duration.ofMillis(3),
                Optional.empty(),
                Optional.of(Failure.of("java.lang.IllegalStateException", "boom")),
                List.of());
        return store.write(
                function,
                "arn:aws:lambda:eu-west-1:123456789012:function:" + function,
                Json.object().put("id", eventId),
                Optional.of(failed),
                3,
                "RetriesExhausted");
    }
}
