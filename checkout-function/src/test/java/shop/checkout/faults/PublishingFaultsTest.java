package shop.checkout.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.checkout.Checkout;
import shop.checkout.fakes.RecordingSleeper;
import shop.checkout.faults.LoopbackBus.Behaviour;
import shop.checkout.faults.LoopbackBus.CallFails;
import shop.checkout.faults.LoopbackBus.EntryFails;
import shop.checkout.faults.LoopbackBus.Reset;
import shop.checkout.faults.LoopbackBus.Stall;
import shop.checkout.publishing.CallLimits;
import shop.checkout.publishing.EventBridgeOrderEvents;
import shop.checkout.publishing.RetryPolicy;
import shop.checkout.samples.HttpApiDriver;
import shop.checkout.samples.SampleOrders;
import shop.checkout.samples.SampleRequests;
import shop.events.EventJson;
import shop.testkit.CapturingContext;
import shop.wiring.AwsClients;
import shop.wiring.Environment;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The publishing faults matrix: checkout with a real SDK {@code EventBridgeClient} (URL-connection client, the
 * production {@link CallLimits} scaled down to keep the run short) against a {@link LoopbackBus} that fails entries,
 * throttles or fails whole calls, stalls or resets connections. A client then behaves as the 503 answer tells it to: it
 * retries with the same {@code Idempotency-Key} until it gets something other than 503.
 *
 * <p>For every fault: retryable failures are retried within bounds and non-retryable ones are not, 202 is answered only
 * when the bus holds the event, and the client ends with at most one accepted order under one order id. Where the bus
 * took the event but its answer was lost, the bus holds the same order twice; consumers dedupe by order id. The matrix
 * is written to {@code target/reliability/publishing-faults.md} for {@code docs/reliability.md}.
 */
class PublishingFaultsTest {

    /** Production limits, scaled down: the same shape of retries and timeouts, in a fraction of the time. */
    static final CallLimits TEST_LIMITS = new CallLimits(
            Duration.ofMillis(300), Duration.ofMillis(1200), 3, Duration.ofMillis(10), Duration.ofMillis(40));
    /** How often the client retries a 503 before giving up; more than any script below needs. */
    static final int CLIENT_TRIES = 5;

    private static final Path REPORT = Path.of("target", "reliability", "publishing-faults.md");
    private static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());

    /** One way the bus misbehaves, and what must come of it. */
    record Fault(String name, List<Behaviour> script, boolean retryable, List<Integer> statuses, int eventsOnBus) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fault> faults() {
        return Stream.of(
                new Fault(
                        "entry InternalFailure, twice",
                        List.of(entry("InternalFailure"), entry("InternalFailure")),
                        true,
                        List.of(202),
                        1),
                new Fault(
                        "entry InternalFailure, 4 times",
                        nTimes(4, entry("InternalFailure")),
                        true,
                        List.of(503, 202),
                        1),
                new Fault(
                        "entry ThrottlingException, twice",
                        nTimes(2, entry("ThrottlingException")),
                        true,
                        List.of(202),
                        1),
                new Fault(
                        "entry ThrottlingException, 4 times",
                        nTimes(4, entry("ThrottlingException")),
                        true,
                        List.of(503, 202),
                        1),
                new Fault("entry MalformedDetail", List.of(entry("MalformedDetail")), false, List.of(500), 0),
                new Fault(
                        "entry AccessDeniedException", List.of(entry("AccessDeniedException")), false, List.of(500), 0),
                new Fault(
                        "call throttled (400 ThrottlingException), twice",
                        nTimes(2, new CallFails(400, "ThrottlingException")),
                        true,
                        List.of(202),
                        1),
                new Fault(
                        "call throttled (400 ThrottlingException), 3 times",
                        nTimes(3, new CallFails(400, "ThrottlingException")),
                        true,
                        List.of(503, 202),
                        1),
                new Fault(
                        "call fails (500 InternalException), 3 times",
                        nTimes(3, new CallFails(500, "InternalException")),
                        true,
                        List.of(503, 202),
                        1),
                new Fault(
                        "call refused (400 AccessDeniedException)",
                        List.of(new CallFails(400, "AccessDeniedException")),
                        false,
                        List.of(500),
                        0),
                new Fault(
                        "timeout, bus never took it, 3 times", nTimes(3, new Stall(false)), true, List.of(503, 202), 1),
                new Fault("timeout after the bus took it, once", List.of(new Stall(true)), true, List.of(202), 2),
                new Fault(
                        "timeout after the bus took it, 3 times",
                        nTimes(3, new Stall(true)),
                        true,
                        List.of(503, 202),
                        4),
                new Fault(
                        "connection reset, bus never took it, 3 times",
                        nTimes(3, new Reset(false)),
                        true,
                        List.of(503, 202),
                        1),
                new Fault(
                        "connection reset after the bus took it, once",
                        List.of(new Reset(true)),
                        true,
                        List.of(202),
                        2));
    }

    /** What the client saw of one request. */
    record Answer(int status, String orderId, Duration took) {}

    @BeforeAll
    static void warmUp() {
        // A JVM's first SDK call loads and links classes for longer than the scaled-down attempt timeout: warmed up,
        // no row of the matrix counts class loading as a stalled bus.
        try (LoopbackBus bus = LoopbackBus.start(List.of());
                EventBridgeClient client = client(bus)) {
            new EventBridgeOrderEvents(client, "OrdersBus", RetryPolicy.STANDARD, new RecordingSleeper(), () -> 0.5)
                    .publish(SampleOrders.rewardsSignup());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aClientRetryingWithTheSameKeyEndsWithAtMostOneOrderAndEveryAnswerIsTrue(Fault fault) {
        RecordingSleeper sleeper = new RecordingSleeper();
        List<Answer> answers = new ArrayList<>();
        List<String> calls;
        List<JsonNode> onBus;
        try (LoopbackBus bus = LoopbackBus.start(fault.script());
                EventBridgeClient client = client(bus)) {
            HttpApiDriver handler = HttpApiDriver.of(new Checkout(
                    new EventBridgeOrderEvents(client, "OrdersBus", RetryPolicy.STANDARD, sleeper, () -> 0.999_999),
                    SampleRequests.CLOCK));
            for (int tries = 0;
                    tries < CLIENT_TRIES && (answers.isEmpty() || last(answers).status() == 503);
                    tries++) {
                answers.add(place(handler));
            }
            calls = bus.calls();
            onBus = bus.committed();
        }

        Set<String> orderIds = answers.stream().map(Answer::orderId).collect(Collectors.toSet());
        Set<String> ordersOnBus =
                onBus.stream().map(detail -> detail.path("orderId").asText()).collect(Collectors.toSet());
        ROWS.add(row(fault, answers, calls, sleeper.waits(), onBus.size(), ordersOnBus.size()));

        assertThat(answers).extracting(Answer::status).as("HTTP answers").isEqualTo(fault.statuses());
        assertThat(orderIds).as("one order id across the client's retries").hasSize(1);
        String orderId = orderIds.iterator().next();
        boolean accepted = last(answers).status() == 202;
        // Truthful: 202 only with the event on the bus; a refusal (500) leaves nothing there.
        assertThat(ordersOnBus).as("orders on the bus").isEqualTo(accepted ? Set.of(orderId) : Set.of());
        assertThat(onBus)
                .as("events on the bus, duplicates of one order included")
                .hasSize(fault.eventsOnBus());
        if (!fault.retryable()) {
            assertThat(calls).as("PutEvents calls for a failure no retry fixes").hasSize(1);
            assertThat(sleeper.waits()).isEmpty();
        }
        assertThat(calls.size())
                .as("PutEvents calls per client request are bounded")
                .isLessThanOrEqualTo(answers.size() * RetryPolicy.STANDARD.maxAttempts() * TEST_LIMITS.sdkAttempts());
        for (int i = 0; i < sleeper.waits().size(); i++) {
            int failedAttempt = i % (RetryPolicy.STANDARD.maxAttempts() - 1) + 1;
            assertThat(sleeper.waits().get(i)).isLessThanOrEqualTo(RetryPolicy.STANDARD.ceilingAfter(failedAttempt));
        }
        Duration bound = TEST_LIMITS.worstCase(RetryPolicy.STANDARD).plusSeconds(1); // a second of scheduling slack
        assertThat(answers).allSatisfy(answer -> assertThat(answer.took()).isLessThan(bound));
    }

    @AfterAll
    static void writeTheMatrix() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "| fault injected by the bus | client's HTTP answers (same Idempotency-Key) |"
                        + " PutEvents calls seen by the bus"
                        + " | checkout backoff waits | events on the bus | distinct orders |",
                "| --- | --- | --- | --- | --- | --- |"));
        synchronized (ROWS) {
            lines.addAll(ROWS);
        }
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, lines);
        lines.forEach(System.out::println);
    }

    private static Answer place(HttpApiDriver handler) {
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                SampleRequests.load(SampleRequests.WITH_IDEMPOTENCY_KEY), new CapturingContext("CheckoutFunction"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Answer(
                response.getStatusCode(),
                json(response.getBody()).path("orderId").asText(null),
                took);
    }

    private static EventBridgeClient client(LoopbackBus bus) {
        Environment environment = new Environment(
                "CheckoutFunction",
                Map.of(
                        "AWS_REGION",
                        "eu-west-1",
                        "AWS_ACCESS_KEY_ID",
                        "loopback",
                        "AWS_SECRET_ACCESS_KEY",
                        "loopback",
                        AwsClients.ENDPOINT_VARIABLE,
                        bus.endpoint().toString()));
        return AwsClients.configure(EventBridgeClient.builder(), environment)
                .overrideConfiguration(TEST_LIMITS.overrides())
                .build();
    }

    private static String row(
            Fault fault, List<Answer> answers, List<String> calls, List<Duration> waits, int events, int orders) {
        String statuses = answers.stream()
                .map(answer -> answer.status() + " (" + answer.took().toMillis() + " ms)")
                .collect(Collectors.joining(", "));
        String waited = waits.isEmpty()
                ? "none"
                : waits.stream().map(wait -> wait.toMillis() + " ms").collect(Collectors.joining(", "));
        return "| " + fault.name() + " | " + statuses + " | " + calls.size() + ": " + String.join(", ", calls) + " | "
                + waited + " | " + events + " | " + orders + " |";
    }

    private static List<Behaviour> nTimes(int times, Behaviour behaviour) {
        return Collections.nCopies(times, behaviour);
    }

    private static Behaviour entry(String errorCode) {
        return new EntryFails(errorCode);
    }

    private static Answer last(List<Answer> answers) {
        return answers.get(answers.size() - 1);
    }

    private static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Response body is not JSON: " + body, e);
        }
    }
}
