package shop.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.local.bus.Ledger;
import shop.local.functions.Failure;
import shop.local.functions.Invocation;
import shop.local.json.Json;

/**
 * One readable block per event: order id, rules, each function's outcome, retries and dead letters, and no personal
 * data.
 */
class ConsoleReportTest {

    private static final Path HERE = Path.of("").toAbsolutePath();

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ConsoleReport console =
            new ConsoleReport(new PrintStream(printed, true, StandardCharsets.UTF_8), HERE);

    @Test
    void blockShowsOutcomesEffectsRetriesAndTheDeadLetterButNoDetail() {
        Failure fault = new Failure(
                "java.lang.IllegalStateException",
                "table missing",
                List.of("software.amazon.Sdk.call(Sdk.java:1)", "shop.rewards.Ledger.credit(Ledger.java:44)"),
                Optional.of("shop.rewards.Ledger.credit(Ledger.java:44)"));
        Ledger.Event event = new Ledger.Event(
                "e-1",
                envelope(),
                Instant.now(),
                Optional.empty(),
                List.of(
                        new Ledger.Delivery(
                                "EmailFunction",
                                "EmailFunctionOrderCreated",
                                Ledger.Outcome.SUCCEEDED,
                                List.of(ok(List.of("SendEmail -> " + HERE.resolve(".local/outbox/m.eml")))),
                                Optional.empty(),
                                Optional.empty()),
                        new Ledger.Delivery(
                                "RewardsFunction",
                                "RewardsFunctionOrderCreated",
                                Ledger.Outcome.DEAD_LETTERED,
                                List.of(failed(fault), failed(fault), failed(fault)),
                                Optional.of(HERE.resolve(".local/dead-letters/RewardsFunction/e-1.json")),
                                Optional.empty())));

        console.settled(event);

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("-- order ord-1  (OrderCreated from shop.checkout, event e-1)\n")
                .contains("   rules matched: EmailFunctionOrderCreated, RewardsFunctionOrderCreated\n")
                .containsPattern("   EmailFunction +ok +12 ms\n        SendEmail -> .local/outbox/m.eml\n")
                .containsPattern("   RewardsFunction +FAILED +12 ms  after 2 retries\n")
                .contains("      attempt 1 of 3: java.lang.IllegalStateException: table missing\n"
                        + "        at software.amazon.Sdk.call(Sdk.java:1)\n"
                        + "        from shop.rewards.Ledger.credit(Ledger.java:44)\n")
                .contains("      attempt 3 of 3: the same java.lang.IllegalStateException\n")
                .contains("      dead letter: .local/dead-letters/RewardsFunction/e-1.json\n")
                .doesNotContain("mira.kovac@example.com", "Mira", "Hauptstrasse");
    }

    private static ObjectNode envelope() {
        ObjectNode envelope =
                Json.object().put("id", "e-1").put("source", "shop.checkout").put("detail-type", "OrderCreated");
        ObjectNode detail = envelope.putObject("detail").put("orderId", "ord-1");
        detail.putObject("customer").put("email", "mira.kovac@example.com").put("name", "Mira Kovač");
        detail.putObject("shippingAddress").put("line1", "Hauptstrasse 1");
        return envelope;
    }

    private static Invocation ok(List<String> effects) {
        return new Invocation("r", false, Duration.ofMillis(12), Optional.of(new byte[0]), Optional.empty(), effects);
    }

    private static Invocation failed(Failure failure) {
        return new Invocation("r", false, Duration.ofMillis(12), Optional.empty(), Optional.of(failure), List.of());
    }
}
