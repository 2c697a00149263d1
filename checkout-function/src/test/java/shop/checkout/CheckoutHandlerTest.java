package shop.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.checkout.fakes.RecordingOrderEvents;
import shop.checkout.ordering.OrderIds;
import shop.checkout.publishing.OrderEvents;
import shop.checkout.publishing.Publication;
import shop.checkout.samples.HttpApiDriver;
import shop.checkout.samples.SampleRequests;
import shop.checkout.validation.Limits;
import shop.checkout.validation.OrderRequestValidator;
import shop.events.EventJson;
import shop.events.OrderCreated;
import shop.events.OrderCreatedEvent;
import shop.events.SchemaCheck;
import shop.testkit.CapturingContext;

class CheckoutHandlerTest {

    // Past the samples' second by a fraction finer than milliseconds, which the event's time must drop.
    private static final Clock CLOCK = Clock.offset(SampleRequests.CLOCK, Duration.ofNanos(123_456_789));
    private static final String ORDER_ID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    private static final SchemaCheck PRODUCER_SCHEMA = SchemaCheck.producer(OrderCreatedEvent.CURRENT_VERSION);

    private final RecordingOrderEvents events = RecordingOrderEvents.accepting();
    private final CapturingContext context = new CapturingContext(CheckoutHandler.FUNCTION);

    private static HttpApiDriver handler(OrderEvents events) {
        return HttpApiDriver.of(new Checkout(events, CLOCK));
    }

    static Stream<Named<String>> validSamples() {
        return SampleRequests.VALID.stream().map(path -> Named.of(fileName(path), path));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSamples")
    void acceptsAValidSampleAndPublishesOneEvent(String sample) {
        APIGatewayV2HTTPResponse response = handler(events).handleRequest(SampleRequests.load(sample), context);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode body = json(response.getBody());
        assertThat(body.get("status").asText()).isEqualTo("accepted");
        assertThat(body.get("orderId").asText()).matches(ORDER_ID_PATTERN);
        assertThat(events.published())
                .singleElement()
                .extracting(OrderCreated::orderId)
                .isEqualTo(body.get("orderId").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSamples")
    void everyEmittedEventValidatesAgainstTheProducerSchema(String sample) {
        handler(events).handleRequest(SampleRequests.load(sample), context);

        OrderCreated emitted = events.published().get(0);
        assertThat(PRODUCER_SCHEMA.violations(EventJson.toTree(emitted))).isEmpty();
        assertThat(emitted.schemaVersion()).isEqualTo(OrderCreatedEvent.CURRENT_VERSION);
    }

    @Test
    void stampsTheEventWithTheInjectedClockToTheMillisecond() {
        handler(events).handleRequest(SampleRequests.load(SampleRequests.NO_SIGNUP), context);

        assertThat(events.published().get(0).createdAt()).isEqualTo(Instant.parse("2025-03-12T10:15:30.123Z"));
    }

    @ParameterizedTest(name = "the invalid sample")
    @Event(value = "../events/api-gateway/post-order-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void refusesTheInvalidSampleListingEveryErrorAndPublishesNothing(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler(events).handleRequest(event, context);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("urn:shop:problem:invalid-order");
        assertThat(problem.get("title").asText()).isEqualTo("The order request is invalid");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).isEqualTo("7 fields are invalid; see errors.");
        assertThat(problem.get("errors"))
                .extracting(error -> error.get("field").asText())
                .containsExactlyElementsOf(SampleRequests.INVALID_FIELDS);
        assertThat(problem.get("errors"))
                .allSatisfy(error -> assertThat(error.get("message").asText()).isNotBlank());
        assertThat(events.published()).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesTheSameOrderId() {
        HttpApiDriver handler = handler(events);

        String first =
                orderId(handler.handleRequest(SampleRequests.load(SampleRequests.WITH_IDEMPOTENCY_KEY), context));
        String second =
                orderId(handler.handleRequest(SampleRequests.load(SampleRequests.WITH_IDEMPOTENCY_KEY), context));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void theSameKeyFromAnotherCustomerGivesAnotherOrderId() {
        HttpApiDriver handler = handler(events);
        APIGatewayV2HTTPEvent otherCustomer = SampleRequests.signedInAs(
                SampleRequests.withBody(
                        SampleRequests.WITH_IDEMPOTENCY_KEY,
                        body -> body.withObject("/customer").put("customerId", "cust-2025")),
                "cust-2025");

        String original =
                orderId(handler.handleRequest(SampleRequests.load(SampleRequests.WITH_IDEMPOTENCY_KEY), context));
        String other = orderId(handler.handleRequest(otherCustomer, context));

        assertThat(other).isNotEqualTo(original);
    }

    @Test
    void findsTheKeyWhateverTheCaseOfTheHeaderName() {
        HttpApiDriver handler = handler(events);
        APIGatewayV2HTTPEvent shouted = SampleRequests.withHeader(
                SampleRequests.load(SampleRequests.WITH_IDEMPOTENCY_KEY),
                "IDEMPOTENCY-KEY",
                "7f3c2a9e-5b1d-4c8e-9a6f-2d4b8e1c0a57");

        String original =
                orderId(handler.handleRequest(SampleRequests.load(SampleRequests.WITH_IDEMPOTENCY_KEY), context));
        String fromShouted = orderId(handler.handleRequest(shouted, context));

        assertThat(fromShouted).isEqualTo(original);
    }

    @Test
    void withoutAKeyEveryRequestGetsANewOrderId() {
        HttpApiDriver handler = handler(events);

        String first = orderId(handler.handleRequest(SampleRequests.load(SampleRequests.NO_SIGNUP), context));
        String second = orderId(handler.handleRequest(SampleRequests.load(SampleRequests.NO_SIGNUP), context));

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aMalformedKeyIsReportedAlongWithTheBodysErrors() {
        APIGatewayV2HTTPEvent event =
                SampleRequests.withHeader(SampleRequests.load(SampleRequests.INVALID), "Idempotency-Key", "two words");

        APIGatewayV2HTTPResponse response = handler(events).handleRequest(event, context);

        assertThat(response.getStatusCode()).isEqualTo(400);
        List<String> fields = json(response.getBody()).get("errors").findValuesAsText("field");
        assertThat(fields).hasSize(8).first().isEqualTo("header:Idempotency-Key");
        assertThat(events.published()).isEmpty();
    }

    @Test
    void aBase64EncodedBodyIsReadLikeAPlainOne() {
        HttpApiDriver handler = handler(events);
        APIGatewayV2HTTPEvent encoded = SampleRequests.load(SampleRequests.WITH_IDEMPOTENCY_KEY);
        encoded.setBody(Base64.getEncoder().encodeToString(encoded.getBody().getBytes(StandardCharsets.UTF_8)));
        encoded.setIsBase64Encoded(true);

        String plain =
                orderId(handler.handleRequest(SampleRequests.load(SampleRequests.WITH_IDEMPOTENCY_KEY), context));
        String fromEncoded = orderId(handler.handleRequest(encoded, context));

        assertThat(fromEncoded).isEqualTo(plain);
        assertThat(events.published())
                .hasSize(2)
                .extracting(OrderCreated::customer)
                .containsOnly(events.published().get(0).customer());
    }

    @Test
    void anOversizedBodyGets413AndPublishesNothing() {
        APIGatewayV2HTTPEvent event = SampleRequests.withBody(
                SampleRequests.NO_SIGNUP, body -> body.put("padding", "p".repeat(Limits.MAX_BODY_BYTES)));

        APIGatewayV2HTTPResponse response = handler(events).handleRequest(event, context);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(json(response.getBody()).get("status").asInt()).isEqualTo(413);
        assertThat(events.published()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonGets400() {
        APIGatewayV2HTTPEvent event = SampleRequests.load(SampleRequests.NO_SIGNUP);
        event.setBody("customerId=cust-0815");

        APIGatewayV2HTTPResponse response = handler(events).handleRequest(event, context);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody()).get("errors").findValuesAsText("field"))
                .containsExactly("$");
        assertThat(events.published()).isEmpty();
    }

    /** What the bus said, and what the client must be told. */
    record Outcome(String name, Publication publication, int status, String type) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Outcome> outcomes() {
        return Stream.of(
                new Outcome("accepted", new Publication.Accepted("event-1", 1), 202, null),
                new Outcome("accepted after retries", new Publication.Accepted("event-1", 3), 202, null),
                new Outcome(
                        "unavailable after retries",
                        new Publication.Unavailable(
                                4,
                                List.of(
                                        "ThrottlingException",
                                        "ThrottlingException",
                                        "InternalFailure",
                                        "ThrottlingException")),
                        503,
                        "urn:shop:problem:orders-unavailable"),
                new Outcome(
                        "connection failure",
                        new Publication.Unavailable(1, List.of("SdkClientException")),
                        503,
                        "urn:shop:problem:orders-unavailable"),
                new Outcome(
                        "malformed detail",
                        new Publication.Refused(1, "MalformedDetail", "Detail is malformed."),
                        500,
                        "urn:shop:problem:order-not-published"),
                new Outcome(
                        "access denied",
                        new Publication.Refused(1, "AccessDeniedException", "Not allowed."),
                        500,
                        "urn:shop:problem:order-not-published"),
                new Outcome(
                        "entry too large",
                        new Publication.Refused(0, "EntryTooLarge", "Too big."),
                        500,
                        "urn:shop:problem:order-not-published"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void theStatusTellsTheTruthAboutPublishing(Outcome outcome) {
        RecordingOrderEvents bus = new RecordingOrderEvents(order -> outcome.publication());

        APIGatewayV2HTTPResponse response =
                handler(bus).handleRequest(SampleRequests.load(SampleRequests.WITH_IDEMPOTENCY_KEY), context);

        assertThat(response.getStatusCode()).isEqualTo(outcome.status());
        JsonNode body = json(response.getBody());
        assertThat(body.get("orderId").asText())
                .isEqualTo(bus.published().get(0).orderId());
        if (outcome.type() != null) {
            assertThat(body.get("type").asText()).isEqualTo(outcome.type());
            assertThat(body.get("status").asInt()).isEqualTo(outcome.status());
        }
        if (outcome.publication() instanceof Publication.Refused refused) {
            assertThat(body.get("errorCode").asText()).isEqualTo(refused.errorCode());
        }
        if (outcome.status() == 503) {
            assertThat(response.getHeaders()).containsEntry("Retry-After", "2");
        }
    }

    @Test
    void anEventThatBreaksTheSchemaIsNotSentAndGets500() {
        // Stricter than the real contract (names of at most 3 characters), to play a checkout bug.
        SchemaCheck stricter = SchemaCheck.fromClasspath(CheckoutHandlerTest.class, "/schemas/test/short-names.json");
        Checkout checkout =
                new Checkout(new OrderRequestValidator(), new OrderIds(UUID::randomUUID), stricter, events, CLOCK);

        APIGatewayV2HTTPResponse response =
                HttpApiDriver.of(checkout).handleRequest(SampleRequests.load(SampleRequests.REWARDS_SIGNUP), context);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(json(response.getBody()).get("type").asText()).isEqualTo("urn:shop:problem:order-event-invalid");
        assertThat(events.published()).isEmpty();
        assertThat(context.logObjects()).singleElement().satisfies(line -> {
            assertThat(line.get("event").asText()).isEqualTo("order.event_invalid");
            // SchemaCheck names the field as networknt does (a JSON Pointer today); either spelling will do.
            assertThat(line.get("violations"))
                    .singleElement()
                    .extracting(JsonNode::asText)
                    .asString()
                    .matches("/customer/name|\\$\\.customer\\.name");
        });
        assertThat(context.all()).doesNotContain("Ines Marlowe");
    }

    @Test
    void logsTheOrderIdAndHowPublishingWent() {
        RecordingOrderEvents bus = new RecordingOrderEvents(order -> new Publication.Accepted("event-7", 2));

        String orderId = orderId(handler(bus).handleRequest(SampleRequests.load(SampleRequests.NO_SIGNUP), context));

        assertThat(context.logObjects()).singleElement().satisfies(line -> {
            assertThat(line.get("event").asText()).isEqualTo("order.accepted");
            assertThat(line.get("function").asText()).isEqualTo("CheckoutFunction");
            assertThat(line.get("orderId").asText()).isEqualTo(orderId);
            assertThat(line.get("attempts").asInt()).isEqualTo(2);
            assertThat(line.get("eventId").asText()).isEqualTo("event-7");
        });
    }

    @Test
    void logsTheErrorCodesWhenTheBusIsUnavailable() {
        RecordingOrderEvents bus = new RecordingOrderEvents(
                order -> new Publication.Unavailable(2, List.of("InternalFailure", "SdkClientException")));

        handler(bus).handleRequest(SampleRequests.load(SampleRequests.NO_SIGNUP), context);

        assertThat(context.logObjects()).singleElement().satisfies(line -> {
            assertThat(line.get("level").asText()).isEqualTo("WARN");
            assertThat(line.get("event").asText()).isEqualTo("order.unavailable");
            assertThat(line.get("errorCodes"))
                    .extracting(JsonNode::asText)
                    .containsExactly("InternalFailure", "SdkClientException");
        });
    }

    /** One sample request meeting one publishing outcome. */
    record SampleOutcome(String sample, Outcome outcome) {
        @Override
        public String toString() {
            return fileName(sample) + " / " + outcome.name();
        }
    }

    /** Every sample, through every way an order can end. */
    static Stream<SampleOutcome> sampleAndOutcome() {
        List<String> samples = List.of(
                SampleRequests.REWARDS_SIGNUP,
                SampleRequests.NO_SIGNUP,
                SampleRequests.WITH_IDEMPOTENCY_KEY,
                SampleRequests.INVALID);
        return samples.stream().flatMap(sample -> outcomes().map(outcome -> new SampleOutcome(sample, outcome)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleAndOutcome")
    void neverLogsTheCustomersEmailNameOrAddress(SampleOutcome run) {
        RecordingOrderEvents bus =
                new RecordingOrderEvents(order -> run.outcome().publication());

        handler(bus).handleRequest(SampleRequests.load(run.sample()), context);

        List<String> personalData = SampleRequests.personalData(run.sample());
        assertThat(personalData).as("the sample's personal data").isNotEmpty();
        assertThat(context.lines()).isNotEmpty();
        assertThat(context.all()).doesNotContain(personalData);
    }

    private static String orderId(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        return json(response.getBody()).get("orderId").asText();
    }

    private static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Response body is not JSON: " + body, e);
        }
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
