package shop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.checkout.Checkout;
import shop.checkout.CheckoutHandler;
import shop.checkout.publishing.Publication;
import shop.events.EventJson;
import shop.testkit.CapturingContext;
import shop.testkit.LogLines;
import shop.testkit.SampleEvent;

/**
 * Every sample event in {@code events/} through every handler it can reach: each API Gateway request through checkout
 * (with the bus accepting, unavailable and refusing), each EventBridge envelope, poison included, through every
 * subscriber. All that is written (the Lambda logger, standard output and standard error) must be JSON lines that carry
 * the order id wherever the request or event has one, and none may contain a customer's email, name or address.
 */
class PersonalDataInLogsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-12T10:15:30Z"), ZoneOffset.UTC);

    /** What the bus does with checkout's event. */
    enum Bus {
        ACCEPTS(new Publication.Accepted("event-1", 1)),
        UNAVAILABLE(new Publication.Unavailable(4, List.of("ThrottlingException"))),
        REFUSES(new Publication.Refused(1, "MalformedDetail", "Detail of the entry is malformed."));

        final Publication answer;

        Bus(Publication answer) {
            this.answer = answer;
        }
    }

    static Stream<Arguments> requestsAndBusAnswers() {
        return SampleEvents.apiGateway().stream()
                .flatMap(sample -> Arrays.stream(Bus.values()).map(bus -> Arguments.of(sample, bus)));
    }

    @ParameterizedTest(name = "checkout <- {0}, bus {1}")
    @MethodSource("requestsAndBusAnswers")
    void checkoutLogsOrderIdsAndNoPersonalData(String sample, Bus bus) {
        APIGatewayV2HTTPEvent request = SampleEvents.request(sample);
        List<String> personalData = SampleEvent.personalDataOf(json(request.getBody()));
        CheckoutHandler handler = new CheckoutHandler(new Checkout(order -> bus.answer, CLOCK));
        CapturingContext context = new CapturingContext("CheckoutFunction");

        Captured captured = Captured.during(() -> {
            // As Lambda calls it: the event's JSON in, the response's JSON out.
            var output = new ByteArrayOutputStream();
            try {
                handler.handleRequest(
                        new ByteArrayInputStream(EventJson.mapper().writeValueAsBytes(request)), output, context);
                APIGatewayV2HTTPResponse response =
                        EventJson.mapper().readValue(output.toByteArray(), APIGatewayV2HTTPResponse.class);
                return json(response.getBody()).path("orderId").asText(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(personalData).as("the sample's personal data").isNotEmpty();
        assertLogs(context, captured, captured.orderId(), personalData);
    }

    static Stream<Arguments> envelopesAndSubscribers() {
        return SampleEvents.eventBridge().stream()
                .flatMap(sample -> Subscriber.ALL.stream().map(subscriber -> Arguments.of(sample, subscriber)));
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @MethodSource("envelopesAndSubscribers")
    void subscribersLogOrderIdsAndNoPersonalData(String sample, Subscriber.Deployment deployment) {
        SampleEvent event = SampleEvent.load(sample);
        List<String> personalData = event.personalData();
        Subscriber subscriber = deployment.deploy().get();
        CapturingContext context = new CapturingContext(deployment.function());

        Captured captured = Captured.during(() -> {
            // A poison event throws by design; what matters here is what was written on the way.
            catchThrowable(() -> event.deliverTo(subscriber.handler(), context));
            return event.orderId();
        });

        assertThat(personalData).as("the sample's personal data").isNotEmpty();
        assertLogs(context, captured, captured.orderId(), personalData);
        assertThat(context.logLines())
                .allSatisfy(
                        line -> assertThat(json(line).path("eventId").asText()).isEqualTo(event.id()));
    }

    @Test
    void everySampleFolderIsCovered() {
        assertThat(SampleEvents.apiGateway()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(SampleEvents.eventBridge())
                .anyMatch(sample -> sample.startsWith("poison/"))
                .anyMatch(sample -> sample.startsWith("compatible/"));
    }

    private static void assertLogs(
            CapturingContext context, Captured captured, String orderId, List<String> personalData) {
        List<String> everything = new ArrayList<>(context.lines());
        everything.addAll(captured.lines());
        assertThat(context.lines()).as("the function logs what it did").isNotEmpty();
        assertThat(everything).allSatisfy(line -> {
            JsonNode entry = json(line);
            assertThat(entry.isObject()).as("a JSON object per line: %s", line).isTrue();
            // Metrics lines (embedded metric format, under _aws) name no event; runtime-checks holds their shape.
            assertThat(entry.has("_aws") || !entry.path("event").asText().isBlank())
                    .as("an event: %s", line)
                    .isTrue();
        });
        if (orderId != null) {
            assertThat(context.logLines())
                    .as("lines carrying orderId %s", orderId)
                    .allSatisfy(line ->
                            assertThat(json(line).path("orderId").asText()).isEqualTo(orderId));
        }
        assertThat(everything.stream().map(LogLines::withoutClockValues).toList())
                .allSatisfy(line -> assertThat(line).doesNotContain(personalData));
    }

    /** What a handler wrote to standard output and error while it ran, and the order id the run was about. */
    record Captured(List<String> lines, String orderId) {

        interface Run {
            String orderId();
        }

        static synchronized Captured during(Run run) {
            PrintStream out = System.out;
            PrintStream err = System.err;
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            PrintStream capture = new PrintStream(written, true, StandardCharsets.UTF_8);
            String orderId;
            try {
                System.setOut(capture);
                System.setErr(capture);
                orderId = run.orderId();
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            List<String> lines = written.toString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toList();
            return new Captured(lines, orderId);
        }
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }
}
