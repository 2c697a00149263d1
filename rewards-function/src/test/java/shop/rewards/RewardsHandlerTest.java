package shop.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.testkit.CapturingContext;
import shop.testkit.SampleEvent;

class RewardsHandlerTest {

    private static final Instant NOW = Instant.parse("2025-11-03T09:15:30Z");

    private final InMemoryRewardsLedger ledger = new InMemoryRewardsLedger();
    private final RewardsHandler handler = new RewardsHandler(ledger, Clock.fixed(NOW, ZoneOffset.UTC));
    private final CapturingContext context = new CapturingContext("RewardsFunction");

    static Stream<Arguments> samples() {
        return Stream.of(
                arguments(
                        "EUR 42.50 earns 42 points",
                        "order-created-rewards-signup.json",
                        new OrderCredit(
                                "cust-1001",
                                "85141e04-3a68-4de4-8737-67876611a13c",
                                42,
                                Instant.parse("2025-11-03T09:15:27.412Z"))),
                arguments(
                        "JPY 4550 earns 4550 points",
                        "order-created-jpy.json",
                        new OrderCredit(
                                "cust-1003",
                                "26b6ae69-8716-4171-a7e0-3e59d22c8965",
                                4550,
                                Instant.parse("2025-11-04T01:40:09.930Z"))),
                arguments(
                        "a 1.1 event with new fields still earns",
                        "compatible/order-created-1.1-new-fields.json",
                        new OrderCredit(
                                "cust-1001",
                                "f4a7c2d1-9e3b-4b6a-8c5d-2e1f0a9b8c7d",
                                42,
                                Instant.parse("2025-11-03T09:15:27.412Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void creditsTheOrdersPointsToTheCustomer(String name, String file, OrderCredit expected) {
        SampleEvent.load(file).deliverTo(handler, context);

        assertThat(ledger.entries()).containsExactly(expected);
        assertThat(ledger.balance(expected.customerId())).isEqualTo(expected.points());
        assertThat(context.all()).contains("\"points\":" + expected.points());
    }

    /** Membership is the rewards rule's filter in template.yaml; an order that reaches this code is credited. */
    @Test
    void doesNotCheckMembershipItself() {
        SampleEvent.load("order-created-no-signup.json").deliverTo(handler, context);

        assertThat(ledger.balance("cust-1002")).isEqualTo(41);
    }

    @Test
    void differentOrdersOfOneCustomerAddUp() {
        SampleEvent.load("order-created-rewards-signup.json").deliverTo(handler, context);

        SampleEvent.load("compatible/order-created-1.1-new-fields.json").deliverTo(handler, context);

        assertThat(ledger.balance("cust-1001")).isEqualTo(84);
    }
}
