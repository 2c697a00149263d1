package shop.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.testkit.SampleEvent.HANDLING_CLOCK;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.subscriber.DeliveryHandler;
import shop.testkit.CapturingContext;
import shop.testkit.SampleEvent;

class RewardsHandlerTest {

    private final InMemoryRewardsLedger ledger = new InMemoryRewardsLedger();
    private final DeliveryHandler handler = RewardsHandler.SUBSCRIBER.over(new Rewards(ledger, HANDLING_CLOCK)::credit);
    private final CapturingContext context = new CapturingContext("RewardsFunction");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            EUR 42.50 earns 42 points               | order-created-rewards-signup.json            | cust-1001 | 42
            JPY 4550 earns 4550 points              | order-created-jpy.json                       | cust-1003 | 4550
            a 1.1 event with new fields still earns | compatible/order-created-1.1-new-fields.json | cust-1001 | 42
            """)
    void creditsTheOrdersPointsToTheCustomer(String name, String file, String customerId, long points) {
        SampleEvent event = SampleEvent.load(file);

        event.deliverTo(handler, context);

        Instant createdAt = Instant.parse(event.detail().path("createdAt").asText());
        assertThat(ledger.entries()).containsExactly(new OrderCredit(customerId, event.orderId(), points, createdAt));
        assertThat(ledger.balance(customerId)).isEqualTo(points);
        assertThat(context.all()).contains("\"points\":" + points);
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
