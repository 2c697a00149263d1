package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.checks.Subscribers.ALL;
import static shop.checks.Subscribers.EVERY_ORDER;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.checkout.Checkout;
import shop.checkout.CheckoutHandler;
import shop.checkout.publishing.OrderEvents;
import shop.checkout.publishing.Publication;
import shop.events.ConsumerContract;
import shop.events.EventJson;
import shop.events.OrderCreated;
import shop.events.OrderCreatedEvent;
import shop.events.SchemaCheck;
import shop.template.SamTemplate;
import shop.testkit.CapturingContext;
import software.amazon.event.ruler.Machine;

/**
 * What checkout emits for each sample request in {@code events/api-gateway/}, followed across the bus: the event
 * validates against the producer schema, the template's rules route it to the subscribers they should, and each of
 * those subscribers' contracts accepts it. Invalid requests emit nothing.
 */
class CheckoutEmitsContractTest {

    private static final Path REQUESTS = Path.of("..", "events", "api-gateway");
    private static final Instant NOW = Instant.parse("2025-11-03T09:15:27.412Z");

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));
    private static final Machine RULES = Subscribers.rules(TEMPLATE);
    private static final Map<String, ConsumerContract> CONTRACTS = Subscribers.contracts(TEMPLATE);
    private static final SchemaCheck PRODUCER_SCHEMA = SchemaCheck.producer(OrderCreatedEvent.CURRENT_VERSION);

    /** A sample request, the status checkout must answer, and the subscribers its event must reach. */
    record Request(String sample, int status, Set<String> reaches) {
        @Override
        public String toString() {
            return sample;
        }
    }

    static final List<Request> ACCEPTED = List.of(
            new Request("post-order-rewards-signup.json", 202, ALL),
            new Request("post-order-no-signup.json", 202, EVERY_ORDER),
            new Request("post-order-with-idempotency-key.json", 202, ALL),
            new Request("post-order-unicode-names.json", 202, ALL));

    static final List<Request> REJECTED = List.of(
            new Request("post-order-invalid.json", 400, Set.of()),
            new Request("post-order-without-token.json", 401, Set.of()),
            new Request("post-order-for-another-customer.json", 403, Set.of()),
            new Request("post-order-lone-surrogates.json", 400, Set.of()),
            new Request("post-order-as-text-plain.json", 415, Set.of()));

    /** Stands in for the bus: keeps what checkout publishes and accepts it, as PutEvents does on success. */
    static final class CapturingBus implements OrderEvents {
        final List<OrderCreated> published = new ArrayList<>();

        @Override
        public Publication publish(OrderCreated order) {
            published.add(order);
            return new Publication.Accepted("event-" + published.size(), 1);
        }
    }

    static List<Request> accepted() {
        return ACCEPTED;
    }

    static List<Request> rejected() {
        return REJECTED;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void emittedEventValidatesAgainstTheProducerSchema(Request request) {
        CapturingBus bus = new CapturingBus();

        APIGatewayV2HTTPResponse response = checkout(bus, request.sample());

        assertThat(response.getStatusCode())
                .as("status, body %s", response.getBody())
                .isEqualTo(request.status());
        assertThat(bus.published).hasSize(1);
        JsonNode detail = EventJson.toTree(bus.published.get(0));
        assertThat(detail.path("schemaVersion").asText()).isEqualTo(OrderCreatedEvent.CURRENT_VERSION);
        assertThat(PRODUCER_SCHEMA.violations(detail)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void emittedEventReachesItsSubscribersAndEachAcceptsIt(Request request) {
        CapturingBus bus = new CapturingBus();
        checkout(bus, request.sample());
        JsonNode detail = EventJson.toTree(bus.published.get(0));

        Set<String> reached = Set.copyOf(RULES.rulesForJSONEvent(SampleEnvelopes.onTheBus(detail, "event-1", NOW)));

        assertThat(reached).isEqualTo(request.reaches());
        assertThat(reached)
                .allSatisfy(consumer -> assertThat(CONTRACTS
                                .get(consumer)
                                .read(OrderCreatedEvent.SOURCE, OrderCreatedEvent.DETAIL_TYPE, detail)
                                .orderId())
                        .isEqualTo(bus.published.get(0).orderId()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectedRequestEmitsNothing(Request request) {
        CapturingBus bus = new CapturingBus();

        APIGatewayV2HTTPResponse response = checkout(bus, request.sample());

        assertThat(response.getStatusCode()).isEqualTo(request.status());
        assertThat(bus.published).isEmpty();
    }

    @Test
    void everySampleRequestHasARow() throws IOException {
        Set<String> inTable = Stream.concat(ACCEPTED.stream(), REJECTED.stream())
                .map(Request::sample)
                .collect(Collectors.toSet());

        try (Stream<Path> files = Files.list(REQUESTS)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")))
                    .isNotEmpty()
                    .allSatisfy(sample -> assertThat(inTable).contains(sample));
        }
    }

    /** Sends the sample's bytes through the handler's stream entry point, as Lambda does, and reads its answer. */
    private static APIGatewayV2HTTPResponse checkout(OrderEvents bus, String sample) {
        CheckoutHandler handler = new CheckoutHandler(new Checkout(bus, Clock.fixed(NOW, ZoneOffset.UTC)));
        try (InputStream event = Files.newInputStream(REQUESTS.resolve(sample))) {
            var output = new ByteArrayOutputStream();
            handler.handleRequest(event, output, new CapturingContext("CheckoutFunction"));
            return EventJson.mapper().readValue(output.toByteArray(), APIGatewayV2HTTPResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
