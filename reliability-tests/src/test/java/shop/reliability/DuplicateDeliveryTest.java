package shop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.reliability.Deliveries.Processed;
import shop.testkit.CapturingContext;
import shop.testkit.SampleEvent;

/**
 * The same OrderCreated delivered 2 to 10 times to every subscriber, one after another and all at once from as many
 * threads, under its own event id and under new ones (a producer retry, an archive replay): one email, one shipment,
 * one credit, one sales entry per order, every time.
 */
class DuplicateDeliveryTest {

    private static final String SAMPLE = "order-created-rewards-signup.json";
    /** Concurrent runs are repeated so that more interleavings get their chance. */
    private static final int ROUNDS = 25;

    private static final List<Integer> COPIES =
            IntStream.rangeClosed(2, 10).boxed().toList();
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(10);

    static Stream<Arguments> subscribersAndCopies() {
        return Subscriber.ALL.stream()
                .flatMap(subscriber -> COPIES.stream().map(copies -> Arguments.of(subscriber, copies)));
    }

    @AfterAll
    static void stopThreads() throws InterruptedException {
        THREADS.shutdown();
        assertThat(THREADS.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest(name = "{0} x{1}")
    @MethodSource("subscribersAndCopies")
    void theSameEventDeliveredInTurnActsOnce(Subscriber.Deployment deployment, int copies) {
        Subscriber subscriber = deployment.deploy().get();
        SampleEvent event = SampleEvent.load(SAMPLE);

        for (int i = 0; i < copies; i++) {
            assertThat(Deliveries.deliver(subscriber, event, context(deployment)))
                    .isEqualTo(new Processed(1));
        }

        assertThat(subscriber.effects().applyAsInt(event.orderId())).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} x{1}")
    @MethodSource("subscribersAndCopies")
    void theSameEventDeliveredAtOnceFromSeveralThreadsActsOnce(Subscriber.Deployment deployment, int copies)
            throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Subscriber subscriber = deployment.deploy().get();
            SampleEvent event = SampleEvent.load(SAMPLE);

            deliverConcurrently(subscriber, copies, copy -> event);

            assertThat(subscriber.effects().applyAsInt(event.orderId()))
                    .as("round %d", round)
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0} x{1}")
    @MethodSource("subscribersAndCopies")
    void theSameOrderUnderNewEventIdsActsOnceInTurnAndAtOnce(Subscriber.Deployment deployment, int copies)
            throws Exception {
        Subscriber inTurn = deployment.deploy().get();
        Subscriber atOnce = deployment.deploy().get();
        List<SampleEvent> resent = IntStream.range(0, copies)
                .mapToObj(i -> SampleEvent.load(SAMPLE).redelivered())
                .toList();
        String orderId = resent.get(0).orderId();

        for (SampleEvent event : resent) {
            Deliveries.deliver(inTurn, event, context(deployment));
        }
        deliverConcurrently(atOnce, copies, resent::get);

        assertThat(resent).extracting(SampleEvent::id).doesNotHaveDuplicates();
        assertThat(inTurn.effects().applyAsInt(orderId)).isEqualTo(1);
        assertThat(atOnce.effects().applyAsInt(orderId)).isEqualTo(1);
    }

    @Test
    void aDuplicatedOrderLeavesTheBalanceAtOneCredit() throws Exception {
        Subscriber rewards = Subscriber.REWARDS.deploy().get();
        SampleEvent event = SampleEvent.load(SAMPLE);

        deliverConcurrently(
                rewards,
                10,
                copy -> copy % 2 == 0 ? event : SampleEvent.load(SAMPLE).redelivered());

        // EUR 42.50 earns 42 points, once.
        assertThat(rewards.rewards().balance("cust-1001")).isEqualTo(42);
    }

    /** Starts {@code copies} deliveries together (a barrier releases them at once) and waits for all, bounded. */
    private static void deliverConcurrently(Subscriber subscriber, int copies, IntFunction<SampleEvent> eventOf)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(copies);
        CapturingContext context = new CapturingContext(subscriber.function());
        List<Future<Deliveries.Outcome>> deliveries = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            SampleEvent event = eventOf.apply(copy);
            deliveries.add(THREADS.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return Deliveries.deliver(subscriber, event, context);
            }));
        }
        for (Future<Deliveries.Outcome> delivery : deliveries) {
            assertThat(delivery.get(30, TimeUnit.SECONDS)).isInstanceOf(Processed.class);
        }
    }

    private static CapturingContext context(Subscriber.Deployment deployment) {
        return new CapturingContext(deployment.function());
    }

    /** Each subscriber's own outcome names, first delivery and a repeat, as its log line carries them. */
    static Stream<Arguments> outcomeNames() {
        return Stream.of(
                Arguments.of(Subscriber.EMAIL, "SENT", "ALREADY_SENT"),
                Arguments.of(Subscriber.WAREHOUSE, "RECORDED", "ALREADY_RECORDED"),
                Arguments.of(Subscriber.REWARDS, "CREDITED", "ALREADY_CREDITED"),
                Arguments.of(Subscriber.ANALYTICS, "RECORDED", "ALREADY_RECORDED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomeNames")
    void aRepeatIsLoggedAsADuplicateUnderTheSubscribersOwnOutcome(
            Subscriber.Deployment deployment, String first, String repeat) {
        Subscriber subscriber = deployment.deploy().get();
        CapturingContext context = context(deployment);
        SampleEvent event = SampleEvent.load(SAMPLE);

        Deliveries.deliver(subscriber, event, context);
        Deliveries.deliver(subscriber, event, context);

        assertThat(context.logLines()).hasSize(2);
        assertThat(context.logLines().get(0)).contains("\"outcome\":\"" + first + "\"", "\"duplicate\":false");
        assertThat(context.logLines().get(1)).contains("\"outcome\":\"" + repeat + "\"", "\"duplicate\":true");
    }
}
