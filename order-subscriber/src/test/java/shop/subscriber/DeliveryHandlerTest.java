package shop.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.events.InvalidEventException;
import shop.testkit.CapturingContext;
import shop.testkit.EmfObjects;
import shop.testkit.SampleEvent;
import shop.wiring.metrics.MetricNames;
import shop.wiring.priming.CannedHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DeliveryHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Outcome implements Effect {
        DONE,
        ALREADY_DONE
    }

    private final AtomicInteger calls = new AtomicInteger();
    private final CapturingContext context = new CapturingContext("TestFunction");

    private static Subscriber subscriber(OrderAction action) {
        return new Subscriber(
                "TestFunction", "test.done", "/contract/test-subscriber/order-created.json", wiring -> action);
    }

    private DeliveryHandler handlerAnswering(Handled handled) {
        return subscriber(order -> handled).over(order -> {
            calls.incrementAndGet();
            return handled;
        });
    }

    private static void deliver(DeliveryHandler handler, SampleEvent event, CapturingContext context) {
        handler.handle(new ByteArrayInputStream(event.bytes()), context);
    }

    /** The one log line of the delivery; metrics go on lines of their own. */
    private JsonNode onlyLine() throws Exception {
        assertThat(context.logLines()).hasSize(1);
        return JSON.readTree(context.logLines().get(0));
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : context.lines()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** The metrics of the delivery, by name. */
    private Map<String, Double> metrics() throws Exception {
        Map<String, Double> metrics = new HashMap<>();
        for (JsonNode line : lines()) {
            if (EmfObjects.isEmf(line)) {
                assertThat(EmfObjects.problems(line)).isEmpty();
                EmfObjects.data(line)
                        .forEach(datum -> metrics.merge(
                                datum.name(),
                                datum.values().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .sum(),
                                Double::sum));
            }
        }
        return metrics;
    }

    @Test
    void aValidOrderIsActedOnOnceAndItsOutcomeLoggedWithTheIds() throws Exception {
        DeliveryHandler handler = handlerAnswering(Handled.of(Outcome.DONE, "points", 42));
        SampleEvent event = SampleEvent.load("order-created-rewards-signup.json");

        deliver(handler, event, context);

        JsonNode line = onlyLine();
        assertThat(calls).hasValue(1);
        assertThat(line.path("function").asText()).isEqualTo("TestFunction");
        assertThat(line.path("event").asText()).isEqualTo("test.done");
        assertThat(line.path("orderId").asText()).isEqualTo(event.orderId());
        assertThat(line.path("eventId").asText()).isEqualTo(event.id());
        assertThat(line.path("outcome").asText()).isEqualTo("DONE");
        assertThat(line.path("duplicate").asBoolean()).isFalse();
        assertThat(line.path("points").asInt()).isEqualTo(42);
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("correlationId").asText())
                .isEqualTo(event.detail().path("correlationId").asText());
        assertThat(metrics())
                .containsEntry(MetricNames.PROCESSED, 1.0)
                .containsKey(MetricNames.ORDER_AGE)
                .doesNotContainKey(MetricNames.DUPLICATES);
    }

    @Test
    void anOutcomeNamedAlreadyIsADuplicate() throws Exception {
        deliver(
                handlerAnswering(Handled.of(Outcome.ALREADY_DONE)),
                SampleEvent.load("order-created-jpy.json"),
                context);

        assertThat(onlyLine().path("duplicate").asBoolean()).isTrue();
        assertThat(metrics()).containsEntry(MetricNames.DUPLICATES, 1.0).doesNotContainKey(MetricNames.PROCESSED);
    }

    static Stream<Arguments> poison() {
        return Stream.of(
                Arguments.of("not JSON", "{not json".getBytes(StandardCharsets.UTF_8), "the event is not JSON"),
                Arguments.of("a JSON array", "[1,2]".getBytes(StandardCharsets.UTF_8), "not a JSON object"),
                Arguments.of(
                        "the wrong detail-type",
                        SampleEvent.load("poison/wrong-detail-type.json").bytes(),
                        "detail-type is 'OrderCancelled'"),
                Arguments.of(
                        "no total, which this subscriber reads",
                        SampleEvent.load("poison/missing-total.json").bytes(),
                        "total"),
                Arguments.of(
                        "no order id",
                        SampleEvent.load("order-created-jpy.json")
                                .withDetailField("orderId", null)
                                .bytes(),
                        "orderId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison")
    void poisonIsLoggedWithItsProblemsAndRethrownWithoutActing(String name, byte[] event, String problem)
            throws Exception {
        DeliveryHandler handler = handlerAnswering(Handled.of(Outcome.DONE));

        assertThatThrownBy(() -> handler.handle(new ByteArrayInputStream(event), context))
                .isInstanceOfSatisfying(
                        InvalidEventException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(text -> assertThat(text).contains(problem)));
        assertThat(calls).hasValue(0);
        JsonNode line = onlyLine();
        assertThat(line.path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("event").asText()).isEqualTo("event.rejected");
        assertThat(line.path("problems").toString()).contains(problem);
        assertThat(metrics()).containsEntry(MetricNames.REJECTED, 1.0);
    }

    @Test
    void aReportedFailureIsLoggedUnderItsOwnNameAndRethrown() throws Exception {
        // A failure a domain names itself, like email's claim held by another invocation.
        ReportedFailure held = new ReportedFailure("held", "test.held", "duplicate", true) {};
        DeliveryHandler handler = subscriber(order -> null).over(order -> {
            throw held;
        });
        SampleEvent event = SampleEvent.load("order-created-jpy.json");

        assertThatThrownBy(() -> deliver(handler, event, context)).isSameAs(held);

        JsonNode line = onlyLine();
        assertThat(line.path("event").asText()).isEqualTo("test.held");
        assertThat(line.path("orderId").asText()).isEqualTo(event.orderId());
        assertThat(line.path("duplicate").asBoolean()).isTrue();
    }

    @Test
    void anyOtherFailureIsLoggedByItsClassNeverItsMessageAndRethrown() throws Exception {
        IllegalStateException failure = new IllegalStateException("Hana Sato, 2-14-7 Kanda");
        DeliveryHandler handler = subscriber(order -> null).over(order -> {
            throw failure;
        });

        assertThatThrownBy(() -> deliver(handler, SampleEvent.load("order-created-jpy.json"), context))
                .isSameAs(failure);

        JsonNode line = onlyLine();
        assertThat(line.path("event").asText()).isEqualTo("delivery.failed");
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("error").asText()).isEqualTo("IllegalStateException");
        assertThat(context.all()).doesNotContain("Hana Sato");
    }

    @Test
    void primingDeliversThePrimingOrderThroughOfflineClientsOnly() {
        AtomicInteger primed = new AtomicInteger();
        CannedHttpClient aws = CannedHttpClient.answering("{}");
        Subscriber subscriber =
                new Subscriber("TestFunction", "test.done", "/contract/test-subscriber/order-created.json", wiring -> {
                    String table = wiring.require("TEST_TABLE");
                    DynamoDbClient dynamo = wiring.client(DynamoDbClient.builder());
                    return order -> {
                        primed.incrementAndGet();
                        dynamo.getItem(get ->
                                get.tableName(table).key(Map.of("orderId", AttributeValue.fromS(order.orderId()))));
                        return Handled.of(Outcome.DONE);
                    };
                });

        subscriber.prime(Map.of("AWS_REGION", "eu-west-1", "TEST_TABLE", "t"), aws);

        assertThat(primed).hasValue(Subscriber.PRIMING_ROUNDS);
        assertThat(aws.requests()).hasSize(Subscriber.PRIMING_ROUNDS).containsOnly("DynamoDB_20120810.GetItem");
    }

    @Test
    void startingFailsNamingAMissingVariableAndTheFunction() {
        Subscriber subscriber =
                new Subscriber("TestFunction", "test.done", "/contract/test-subscriber/order-created.json", wiring -> {
                    wiring.require("TEST_TABLE");
                    return order -> Handled.of(Outcome.DONE);
                });

        assertThatThrownBy(() -> subscriber.start(Map.of("AWS_REGION", "eu-west-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TEST_TABLE")
                .hasMessageContaining("TestFunction");
    }
}
