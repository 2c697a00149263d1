package shop.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.checkout.fakes.RecordingOrderEvents;
import shop.checkout.publishing.Publication;
import shop.checkout.samples.HttpApiDriver;
import shop.checkout.samples.SampleRequests;
import shop.testkit.CapturingContext;
import shop.testkit.EmfObjects;
import shop.testkit.EmfObjects.Datum;
import shop.wiring.metrics.Metrics;

/** What checkout tells operators: metrics per outcome, and the request id as the correlation id on lines and event. */
class CheckoutTelemetryTest {

    private static final Map<String, String> CHECKOUT = Map.of("Function", "CheckoutFunction");

    private final CapturingContext context = new CapturingContext(CheckoutHandler.FUNCTION);

    private static Arguments outcome(String name, String sample, Publication publication, List<Datum> metrics) {
        return Arguments.of(name, sample, publication, metrics);
    }

    private static Datum count(String name, Map<String, String> dimensions, double value) {
        return new Datum(Metrics.NAMESPACE, name, "Count", dimensions, List.of(value));
    }

    private static Map<String, String> reason(String reason) {
        return Map.of("Function", "CheckoutFunction", "Reason", reason);
    }

    static Stream<Arguments> outcomes() {
        Publication accepted = new Publication.Accepted("event-1", 2);
        return Stream.of(
                outcome(
                        "accepted after a retry",
                        SampleRequests.NO_SIGNUP,
                        accepted,
                        List.of(count("PutEventsAttempts", CHECKOUT, 2), count("OrdersAccepted", CHECKOUT, 1))),
                outcome(
                        "bus unavailable",
                        SampleRequests.NO_SIGNUP,
                        new Publication.Unavailable(4, List.of("ThrottlingException")),
                        List.of(count("PutEventsAttempts", CHECKOUT, 4), count("OrdersUnavailable", CHECKOUT, 1))),
                outcome(
                        "bus refused",
                        SampleRequests.NO_SIGNUP,
                        new Publication.Refused(1, "AccessDeniedException", "Not allowed."),
                        List.of(
                                count("PutEventsAttempts", CHECKOUT, 1),
                                count("OrdersRefused", reason("bus-refused"), 1))),
                outcome(
                        "invalid request",
                        SampleRequests.INVALID,
                        accepted,
                        List.of(count("OrdersRefused", reason("invalid"), 1))),
                outcome(
                        "no verified customer",
                        SampleRequests.WITHOUT_TOKEN,
                        accepted,
                        List.of(count("OrdersRefused", reason("no-verified-customer"), 1))),
                outcome(
                        "another customer's order",
                        SampleRequests.FOR_ANOTHER_CUSTOMER,
                        accepted,
                        List.of(count("OrdersRefused", reason("other-customer"), 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void eachOutcomeIsCountedInEmbeddedMetricFormat(
            String name, String sample, Publication publication, List<Datum> expected) {
        var handler =
                HttpApiDriver.of(new Checkout(new RecordingOrderEvents(order -> publication), SampleRequests.CLOCK));

        handler.handleRequest(SampleRequests.load(sample), context);

        List<JsonNode> lines = context.metricObjects();
        assertThat(lines)
                .allSatisfy(line -> assertThat(EmfObjects.problems(line)).isEmpty());
        assertThat(lines.stream().flatMap(line -> EmfObjects.data(line).stream()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theRequestIdTravelsInTheEventAndOnEveryLineAboutTheOrder() {
        RecordingOrderEvents events = RecordingOrderEvents.accepting();
        var handler = HttpApiDriver.of(new Checkout(events, SampleRequests.CLOCK));
        var request = SampleRequests.load(SampleRequests.REWARDS_SIGNUP);
        String requestId = request.getRequestContext().getRequestId();

        handler.handleRequest(request, context);

        assertThat(requestId).isNotBlank();
        assertThat(events.published())
                .singleElement()
                .satisfies(order -> assertThat(order.correlationId()).isEqualTo(requestId));
        assertThat(context.logObjects()).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("correlationId").asText()).isEqualTo(requestId);
            assertThat(line.path("requestId").asText()).isEqualTo(context.getAwsRequestId());
        });
    }

    @Test
    void aRefusedRequestIsLoggedWithItsCorrelationIdToo() {
        var handler = HttpApiDriver.of(new Checkout(RecordingOrderEvents.accepting(), SampleRequests.CLOCK));
        var request = SampleRequests.load(SampleRequests.INVALID);

        handler.handleRequest(request, context);

        assertThat(context.logObjects()).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("correlationId").asText())
                    .isEqualTo(request.getRequestContext().getRequestId());
        });
    }
}
