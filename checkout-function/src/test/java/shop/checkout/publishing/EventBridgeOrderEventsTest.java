package shop.checkout.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.checkout.fakes.FakeEventBridge.accepts;
import static shop.checkout.fakes.FakeEventBridge.answers;
import static shop.checkout.fakes.FakeEventBridge.entryFails;
import static shop.checkout.fakes.FakeEventBridge.throwsException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import shop.checkout.fakes.FakeEventBridge;
import shop.checkout.fakes.RecordingSleeper;
import shop.checkout.samples.SampleOrders;
import shop.events.EventJson;
import shop.events.OrderCreated;
import shop.events.OrderCreatedEvent;
import shop.events.SchemaCheck;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InternalException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

class EventBridgeOrderEventsTest {

    private static final String BUS = "orders-bus-test";
    private static final double HIGHEST_DRAW = 0.999_999;

    private final OrderCreated order = SampleOrders.rewardsSignup();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void clearInterruptFlag() {
        // A test that interrupts must not leak the flag into the next one.
        Thread.interrupted();
    }

    private EventBridgeOrderEvents publisher(FakeEventBridge bus) {
        return new EventBridgeOrderEvents(bus, BUS, RetryPolicy.STANDARD, sleeper, () -> HIGHEST_DRAW);
    }

    @Test
    void sendsOneEntryWithTheContractsSourceTypeBusAndDetail() {
        FakeEventBridge bus = new FakeEventBridge(accepts("event-1"));

        publisher(bus).publish(order);

        assertThat(bus.requests()).hasSize(1);
        assertThat(bus.requests().get(0).entries()).singleElement().satisfies(entry -> {
            assertThat(entry.eventBusName()).isEqualTo(BUS);
            assertThat(entry.source()).isEqualTo(OrderCreatedEvent.SOURCE);
            assertThat(entry.detailType()).isEqualTo(OrderCreatedEvent.DETAIL_TYPE);
            assertThat(EventJson.fromTree(readTree(entry.detail()))).isEqualTo(order);
        });
    }

    @Test
    void theDetailSentValidatesAgainstTheProducerSchema() {
        FakeEventBridge bus = new FakeEventBridge(accepts("event-1"));

        publisher(bus).publish(order);

        JsonNode detail = readTree(bus.requests().get(0).entries().get(0).detail());
        assertThat(SchemaCheck.producer(OrderCreatedEvent.CURRENT_VERSION).violations(detail))
                .isEmpty();
    }

    @Test
    void anAcceptedEntryOnTheFirstAttemptIsAcceptedWithoutWaiting() {
        FakeEventBridge bus = new FakeEventBridge(accepts("event-1"));

        Publication publication = publisher(bus).publish(order);

        assertThat(publication).isEqualTo(new Publication.Accepted("event-1", 1));
        assertThat(sleeper.waits()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"InternalFailure", "ThrottlingException"})
    void aRetryableEntryErrorIsRetriedUntilTheAttemptsRunOut(String errorCode) {
        FakeEventBridge bus = new FakeEventBridge(
                entryFails(errorCode), entryFails(errorCode), entryFails(errorCode), entryFails(errorCode));

        Publication publication = publisher(bus).publish(order);

        assertThat(publication).isEqualTo(new Publication.Unavailable(4, Collections.nCopies(4, errorCode)));
        assertThat(bus.requests()).hasSize(4);
        assertThat(sleeper.waits())
                .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"InternalFailure", "ThrottlingException"})
    void aRetryableEntryErrorThatClearsEndsAccepted(String errorCode) {
        FakeEventBridge bus = new FakeEventBridge(entryFails(errorCode), entryFails(errorCode), accepts("event-3"));

        Publication publication = publisher(bus).publish(order);

        assertThat(publication).isEqualTo(new Publication.Accepted("event-3", 3));
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @ParameterizedTest(name = "draw {0}")
    @ValueSource(doubles = {0.0, 0.25, 0.5, 0.75, HIGHEST_DRAW})
    void everyWaitIsWithinItsCeilingWhateverTheDraw(double draw) {
        FakeEventBridge bus = new FakeEventBridge(
                entryFails("ThrottlingException"),
                entryFails("ThrottlingException"),
                entryFails("ThrottlingException"),
                entryFails("ThrottlingException"));

        new EventBridgeOrderEvents(bus, BUS, RetryPolicy.STANDARD, sleeper, () -> draw).publish(order);

        assertThat(sleeper.waits()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(sleeper.waits().get(i)).isBetween(Duration.ZERO, RetryPolicy.STANDARD.ceilingAfter(i + 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "MalformedDetail",
                "InvalidArgument",
                "AccessDeniedException",
                "NotAuthorizedForSourceException",
                "NotAuthorizedForDetailTypeException",
                "SomeCodeFromTheFuture"
            })
    void aNonRetryableEntryErrorIsRefusedAtOnce(String errorCode) {
        FakeEventBridge bus = new FakeEventBridge(entryFails(errorCode));

        Publication publication = publisher(bus).publish(order);

        assertThat(publication).isEqualTo(new Publication.Refused(1, errorCode, errorCode + " for the entry"));
        assertThat(bus.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    /** A whole PutEvents call failing, after the SDK's own retries, and what we make of it. */
    record CallFailure(String name, RuntimeException exception, String errorCode, boolean unavailable) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<CallFailure> callFailures() {
        return Stream.of(
                new CallFailure(
                        "throttled (400 ThrottlingException)",
                        serviceError(400, "ThrottlingException"),
                        "ThrottlingException",
                        true),
                new CallFailure(
                        "too many requests (429)", serviceError(429, "TooManyRequests"), "TooManyRequests", true),
                new CallFailure(
                        "internal error (500)",
                        InternalException.builder()
                                .statusCode(500)
                                .awsErrorDetails(details("InternalException"))
                                .build(),
                        "InternalException",
                        true),
                new CallFailure(
                        "service unavailable (503)",
                        serviceError(503, "ServiceUnavailable"),
                        "ServiceUnavailable",
                        true),
                new CallFailure(
                        "connection reset", SdkClientException.create("Connection reset"), "SdkClientException", true),
                new CallFailure(
                        "API call timeout", ApiCallTimeoutException.create(5000), "ApiCallTimeoutException", true),
                new CallFailure(
                        "access denied (400)",
                        serviceError(400, "AccessDeniedException"),
                        "AccessDeniedException",
                        false),
                new CallFailure(
                        "bus not found (400)",
                        ResourceNotFoundException.builder()
                                .statusCode(400)
                                .awsErrorDetails(details("ResourceNotFoundException"))
                                .build(),
                        "ResourceNotFoundException",
                        false),
                new CallFailure(
                        "request invalid (400)",
                        serviceError(400, "ValidationException"),
                        "ValidationException",
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callFailures")
    void aFailedCallIsReportedAtOnceAndNamed(CallFailure failure) {
        FakeEventBridge bus = new FakeEventBridge(throwsException(failure.exception()));

        Publication publication = publisher(bus).publish(order);

        if (failure.unavailable()) {
            assertThat(publication).isEqualTo(new Publication.Unavailable(1, List.of(failure.errorCode())));
        } else {
            assertThat(publication).isInstanceOf(Publication.Refused.class);
            assertThat(((Publication.Refused) publication).errorCode()).isEqualTo(failure.errorCode());
        }
        assertThat(bus.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aFailedCallAfterEntryRetriesKeepsEveryCode() {
        FakeEventBridge bus = new FakeEventBridge(
                entryFails("ThrottlingException"), throwsException(SdkClientException.create("Connection reset")));

        Publication publication = publisher(bus).publish(order);

        assertThat(publication)
                .isEqualTo(new Publication.Unavailable(2, List.of("ThrottlingException", "SdkClientException")));
    }

    /** A response that does not plainly say "accepted" must never be read as accepted. */
    record OddResponse(String name, PutEventsResponse response) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<OddResponse> oddResponses() {
        return Stream.of(
                new OddResponse(
                        "no result entries",
                        PutEventsResponse.builder().failedEntryCount(0).build()),
                new OddResponse(
                        "two result entries",
                        PutEventsResponse.builder()
                                .failedEntryCount(0)
                                .entries(
                                        PutEventsResultEntry.builder()
                                                .eventId("a")
                                                .build(),
                                        PutEventsResultEntry.builder()
                                                .eventId("b")
                                                .build())
                                .build()),
                new OddResponse(
                        "a failure counted but no code",
                        PutEventsResponse.builder()
                                .failedEntryCount(1)
                                .entries(PutEventsResultEntry.builder()
                                        .eventId("a")
                                        .build())
                                .build()),
                new OddResponse(
                        "no event id",
                        PutEventsResponse.builder()
                                .failedEntryCount(0)
                                .entries(PutEventsResultEntry.builder().build())
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddResponses")
    void anOddResponseIsRefusedNotAccepted(OddResponse odd) {
        FakeEventBridge bus = new FakeEventBridge(answers(odd.response()));

        Publication publication = publisher(bus).publish(order);

        assertThat(publication).isInstanceOf(Publication.Refused.class);
        assertThat(((Publication.Refused) publication).errorCode()).isEqualTo("UnexpectedResponse");
    }

    @Test
    void anInterruptedWaitStopsWithoutClaimingSuccess() {
        FakeEventBridge bus = new FakeEventBridge(entryFails("ThrottlingException"));
        Sleeper interrupted = duration -> {
            throw new InterruptedException("invocation ending");
        };

        Publication publication =
                new EventBridgeOrderEvents(bus, BUS, RetryPolicy.STANDARD, interrupted, () -> 0.5).publish(order);

        assertThat(publication)
                .isEqualTo(new Publication.Unavailable(1, List.of("ThrottlingException", "Interrupted")));
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void anEntryOverTheSizeLimitIsRefusedWithoutACall() {
        FakeEventBridge bus = new FakeEventBridge();
        OrderCreated.LineItem bulky = new OrderCreated.LineItem("SKU", "n".repeat(3000), 1, 100);
        OrderCreated huge = new OrderCreated(
                order.schemaVersion(),
                order.orderId(),
                order.createdAt(),
                order.customer(),
                Collections.nCopies(100, bulky),
                order.total(),
                order.shippingAddress(),
                order.correlationId());

        Publication publication = publisher(bus).publish(huge);

        assertThat(publication).isInstanceOf(Publication.Refused.class);
        assertThat(((Publication.Refused) publication).errorCode()).isEqualTo("EntryTooLarge");
        assertThat(publication.attempts()).isZero();
        assertThat(bus.requests()).isEmpty();
    }

    @Test
    void entrySizeCountsAsTheEventBridgeGuideDescribes() {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .source("shop.checkout") // 13 bytes
                .detailType("OrderCreated") // 12 bytes
                .detail("Jürgen") // 7 bytes: ü is two
                .resources("arn:x", "arn:yz") // 5 + 6 bytes
                .time(Instant.parse("2025-03-12T10:15:30Z")) // 14 bytes, whatever the time
                .eventBusName("not counted")
                .build();

        assertThat(EventBridgeOrderEvents.entrySize(entry)).isEqualTo(13 + 12 + 7 + 5 + 6 + 14);
    }

    private static EventBridgeException serviceError(int status, String code) {
        return (EventBridgeException) EventBridgeException.builder()
                .statusCode(status)
                .awsErrorDetails(details(code))
                .build();
    }

    private static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(code + " from the service")
                .build();
    }

    private static JsonNode readTree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Detail is not JSON", e);
        }
    }
}
