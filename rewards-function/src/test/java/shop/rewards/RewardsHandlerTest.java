package shop.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import shop.events.InvalidEventException;

class RewardsHandlerTest {

    private static final Instant NOW = Instant.parse("2025-11-03T09:15:30Z");

    private final InMemoryRewardsLedger ledger = new InMemoryRewardsLedger();
    private final RewardsHandler handler = new RewardsHandler(ledger, Clock.fixed(NOW, ZoneOffset.UTC));
    private final CapturingContext context = new CapturingContext();

    static Stream<Arguments> samples() {
        return Stream.of(
                arguments("EUR 42.50 earns 42 points", "order-created-rewards-signup.json",
                        new OrderCredit("cust-1001", "85141e04-3a68-4de4-8737-67876611a13c", 42,
                                Instant.parse("2025-11-03T09:15:27.412Z"))),
                arguments("JPY 4550 earns 4550 points", "order-created-jpy.json",
                        new OrderCredit("cust-1003", "26b6ae69-8716-4171-a7e0-3e59d22c8965", 4550,
                                Instant.parse("2025-11-04T01:40:09.930Z"))),
                arguments("a 1.1 event with new fields still earns", "compatible/order-created-1.1-new-fields.json",
                        new OrderCredit("cust-1001", "f4a7c2d1-9e3b-4b6a-8c5d-2e1f0a9b8c7d", 42,
                                Instant.parse("2025-11-03T09:15:27.412Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void creditsTheOrdersPointsToTheCustomer(String name, String file, OrderCredit expected) {
        handler.handleRequest(Samples.load(file), context);

        assertThat(ledger.entries()).containsExactly(expected);
        assertThat(ledger.balance(expected.customerId())).isEqualTo(expected.points());
        assertThat(context.all()).contains("\"points\":" + expected.points());
    }

    /** Membership is the rewards rule's filter in template.yaml; an order that reaches this code is credited. */
    @Test
    void doesNotCheckMembershipItself() {
        handler.handleRequest(Samples.load("order-created-no-signup.json"), context);

        assertThat(ledger.balance("cust-1002")).isEqualTo(41);
    }

    @Test
    void sameEventDeliveredTwiceCreditsOnce() {
        ScheduledEvent event = Samples.load("order-created-rewards-signup.json");

        handler.handleRequest(event, context);
        handler.handleRequest(event, context);

        assertThat(ledger.balance("cust-1001")).isEqualTo(42);
        assertThat(ledger.entries()).hasSize(1);
        assertThat(context.lines().get(0)).contains("\"outcome\":\"CREDITED\"", "\"duplicate\":false");
        assertThat(context.lines().get(1)).contains("\"outcome\":\"ALREADY_CREDITED\"", "\"duplicate\":true");
    }

    @Test
    void sameOrderUnderANewEventIdCreditsOnce() {
        handler.handleRequest(Samples.load("order-created-rewards-signup.json"), context);

        handler.handleRequest(Samples.redelivered("order-created-rewards-signup.json"), context);

        assertThat(ledger.balance("cust-1001")).isEqualTo(42);
        assertThat(context.lines().get(1)).contains("\"duplicate\":true");
    }

    @Test
    void differentOrdersOfOneCustomerAddUp() {
        handler.handleRequest(Samples.load("order-created-rewards-signup.json"), context);

        handler.handleRequest(Samples.load("compatible/order-created-1.1-new-fields.json"), context);

        assertThat(ledger.balance("cust-1001")).isEqualTo(84);
    }

    static Stream<Arguments> poison() {
        return Stream.of(
                arguments("missing order id", "poison/missing-order-id.json", "orderId"),
                arguments("missing total", "poison/missing-total.json", "total"),
                arguments("unknown major version", "poison/unknown-major.json", "schemaVersion 2.0 is not supported"),
                arguments("wrong detail-type", "poison/wrong-detail-type.json", "detail-type is 'OrderCancelled'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison")
    void poisonEventIsRejectedNamingTheReasonAndCreditsNothing(String name, String file, String reason) {
        ScheduledEvent event = Samples.load(file);

        assertThatThrownBy(() -> handler.handleRequest(event, context))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.problems()).anySatisfy(problem -> assertThat(problem).contains(reason)));
        assertThat(ledger.entries()).isEmpty();
        assertThat(context.all()).contains("event.rejected", reason);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"poison/missing-customer-email.json", "poison/missing-shipping-address.json"})
    void fieldsThisConsumerDoesNotReadMayBeMissing(String file) {
        handler.handleRequest(Samples.load(file), context);

        assertThat(ledger.balance("cust-1001")).isEqualTo(42);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"order-created-rewards-signup.json", "order-created-no-signup.json", "order-created-jpy.json",
            "poison/missing-order-id.json", "poison/missing-total.json", "poison/unknown-major.json",
            "poison/wrong-detail-type.json"})
    void logsNeverCarryPersonalData(String file) {
        ScheduledEvent event = Samples.load(file);
        List<String> personalData = Samples.personalData(event);

        catchThrowable(() -> handler.handleRequest(event, context));

        assertThat(personalData).isNotEmpty();
        assertThat(context.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).contains(event.getId()));
        assertThat(context.all()).doesNotContain(personalData);
    }
}
