package shop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.reliability.Deliveries.Outcome;
import shop.reliability.Deliveries.Processed;
import shop.reliability.Deliveries.Rejected;
import shop.testkit.CapturingContext;
import shop.testkit.SampleEvent;

/**
 * Poison events fail loudly and alone. An event with a schema-invalid detail, an unknown major version or the wrong
 * detail-type is refused by every subscriber with a reason naming what is wrong, in the exception (which Lambda retries
 * and then parks in the function's on-failure queue; {@code FailureRoutingTest} holds every subscriber to having one)
 * and in the log; a valid order queued behind it is processed as if nothing happened. No sample is ever dropped
 * silently: each ends either processed, with its side effect, or rejected, with its reasons.
 */
class PoisonEventsTest {

    private static final String VALID = "order-created-rewards-signup.json";
    private static final String ANOTHER_VALID = "order-created-jpy.json";

    /** The poison every subscriber must refuse, and words its reason must contain. */
    static Stream<Arguments> poisonForEverySubscriber() {
        List<Arguments> cases = new ArrayList<>();
        for (Subscriber.Deployment subscriber : Subscriber.ALL) {
            cases.add(Arguments.of(subscriber, "poison/missing-order-id.json", "orderId"));
            cases.add(Arguments.of(subscriber, "poison/unknown-major.json", "schemaVersion 2.0 is not supported"));
            cases.add(Arguments.of(subscriber, "poison/wrong-detail-type.json", "detail-type is 'OrderCancelled'"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("poisonForEverySubscriber")
    void poisonIsRefusedWithItsReasonAndTheOrdersAroundItAreUnaffected(
            Subscriber.Deployment deployment, String poison, String reason) {
        Subscriber subscriber = deployment.deploy().get();
        CapturingContext context = new CapturingContext(deployment.function());
        SampleEvent before = SampleEvent.load(VALID);
        SampleEvent after = SampleEvent.load(ANOTHER_VALID);

        Outcome first = Deliveries.deliver(subscriber, before, context);
        Outcome refused = Deliveries.deliver(subscriber, SampleEvent.load(poison), context);
        Outcome last = Deliveries.deliver(subscriber, after, context);

        assertThat(refused)
                .isInstanceOfSatisfying(
                        Rejected.class,
                        rejected -> assertThat(rejected.reason().problems())
                                .anySatisfy(problem -> assertThat(problem).contains(reason)));
        assertThat(context.lines()).anySatisfy(line -> assertThat(line).contains("event.rejected", reason));
        assertThat(first).isEqualTo(new Processed(1));
        assertThat(last).isEqualTo(new Processed(1));
        assertThat(subscriber.effects().applyAsInt(before.orderId())).isEqualTo(1);
        assertThat(subscriber.effects().applyAsInt(after.orderId())).isEqualTo(1);
    }

    /**
     * What each subscriber's own contract makes of an event missing one part: refused naming the part when it reads it,
     * processed as usual when it does not (tolerant reader). A null reason means processed.
     */
    static Stream<Arguments> ownContracts() {
        return Stream.of(
                Arguments.of(Subscriber.EMAIL, "poison/missing-customer-email.json", "email"),
                Arguments.of(Subscriber.EMAIL, "poison/missing-total.json", "total"),
                Arguments.of(Subscriber.EMAIL, "poison/missing-shipping-address.json", null),
                Arguments.of(Subscriber.EMAIL, "compatible/order-created-1.1-new-fields.json", null),
                Arguments.of(Subscriber.WAREHOUSE, "poison/missing-shipping-address.json", "shippingAddress"),
                Arguments.of(Subscriber.WAREHOUSE, "poison/missing-customer-email.json", null),
                Arguments.of(Subscriber.WAREHOUSE, "poison/missing-total.json", null),
                Arguments.of(Subscriber.WAREHOUSE, "compatible/order-created-1.1-new-fields.json", null),
                Arguments.of(Subscriber.REWARDS, "poison/missing-total.json", "total"),
                Arguments.of(Subscriber.REWARDS, "poison/missing-customer-email.json", null),
                Arguments.of(Subscriber.REWARDS, "poison/missing-shipping-address.json", null),
                Arguments.of(Subscriber.ANALYTICS, "poison/missing-total.json", "total"),
                Arguments.of(Subscriber.ANALYTICS, "poison/missing-customer-email.json", null),
                Arguments.of(Subscriber.ANALYTICS, "poison/missing-shipping-address.json", null));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("ownContracts")
    void eachSubscriberRefusesOnlyWhatItReads(Subscriber.Deployment deployment, String sample, String reason) {
        Subscriber subscriber = deployment.deploy().get();
        SampleEvent event = SampleEvent.load(sample);
        CapturingContext context = new CapturingContext(deployment.function());

        Outcome outcome = Deliveries.deliver(subscriber, event, context);

        if (reason == null) {
            assertThat(outcome).isEqualTo(new Processed(1));
            assertThat(subscriber.effects().applyAsInt(event.orderId())).isEqualTo(1);
        } else {
            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            Rejected.class,
                            rejected -> assertThat(rejected.reason().problems())
                                    .anySatisfy(problem -> assertThat(problem).contains(reason)));
            assertThat(subscriber.effects().applyAsInt(event.orderId())).isZero();
            assertThat(context.lines()).anySatisfy(line -> assertThat(line).contains("event.rejected", reason));
        }
    }

    static Stream<Subscriber.Deployment> subscribers() {
        return Subscriber.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subscribers")
    void aFieldThatCannotBeReadIsNamedEvenWhereTheSubscriberDoesNotCheckIt(Subscriber.Deployment deployment) {
        Subscriber subscriber = deployment.deploy().get();
        SampleEvent event = SampleEvent.load(VALID).withDetailField("createdAt", BooleanNode.TRUE);

        Outcome outcome = Deliveries.deliver(subscriber, event, new CapturingContext(deployment.function()));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Rejected.class,
                        rejected -> assertThat(rejected.reason().problems())
                                .anySatisfy(problem -> assertThat(problem).contains("createdAt")));
    }

    static Stream<Arguments> everySampleForEverySubscriber() {
        return Subscriber.ALL.stream()
                .flatMap(subscriber ->
                        SampleEvents.eventBridge().stream().map(sample -> Arguments.of(subscriber, sample)));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("everySampleForEverySubscriber")
    void noSampleIsDroppedSilently(Subscriber.Deployment deployment, String sample) {
        Subscriber subscriber = deployment.deploy().get();
        SampleEvent event = SampleEvent.load(sample);

        Outcome outcome = Deliveries.deliver(subscriber, event, new CapturingContext(deployment.function()));

        if (outcome instanceof Rejected rejected) {
            assertThat(rejected.reason().problems())
                    .isNotEmpty()
                    .allSatisfy(problem -> assertThat(problem).isNotBlank());
        } else {
            assertThat(event.orderId()).as("a processed event has an order id").isNotNull();
            assertThat(subscriber.effects().applyAsInt(event.orderId())).isEqualTo(1);
        }
    }
}
