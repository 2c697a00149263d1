package shop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import shop.events.InvalidEventException;
import shop.testkit.CapturingContext;
import shop.testkit.JsonPointers;
import shop.testkit.SampleEvent;

/**
 * Every subscriber under random input: the sample envelopes with the detail's fields removed, retyped, made huge,
 * negative or any Unicode, and with the source, detail-type and id replaced. A subscriber either processes the event
 * (and then has acted on its order exactly once) or refuses it with {@link InvalidEventException} naming each problem;
 * any other exception would park the event in the dead-letter queue with a reason nobody can act on.
 */
class ConsumerInputPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> VALID_SAMPLES = List.of(
            "order-created-rewards-signup.json",
            "order-created-no-signup.json",
            "order-created-jpy.json",
            "compatible/order-created-1.1-new-fields.json");

    /** One random change to an envelope. */
    record Change(double where, Kind kind, JsonNode value) {
        enum Kind {
            REMOVE,
            REPLACE,
            ADD_FIELD,
            SOURCE,
            DETAIL_TYPE,
            NEW_ID
        }
    }

    @Property(tries = 2500)
    void everySubscriberProcessesOrRefusesWithReasons(@ForAll("envelopes") SampleEvent event) {
        for (Subscriber.Deployment deployment : Subscriber.ALL) {
            Subscriber subscriber = deployment.deploy().get();

            Throwable thrown = catchThrowable(
                    () -> event.deliverTo(subscriber.handler(), new CapturingContext(deployment.function())));

            Statistics.label(deployment.function()).collect(thrown == null ? "processed" : "refused");
            if (thrown == null) {
                String orderId = event.orderId();
                assertThat(orderId)
                        .as("%s processed an event without an order id", deployment)
                        .isNotNull();
                assertThat(subscriber.effects().applyAsInt(orderId))
                        .as("%s processed %s", deployment, new String(event.bytes(), StandardCharsets.UTF_8))
                        .isEqualTo(1);
            } else {
                assertThat(thrown).as("%s threw", deployment).isInstanceOf(InvalidEventException.class);
                assertThat(((InvalidEventException) thrown).problems())
                        .isNotEmpty()
                        .allSatisfy(problem -> assertThat(problem).isNotBlank());
            }
        }
    }

    @Provide
    Arbitrary<SampleEvent> envelopes() {
        Arbitrary<Change> change = Combinators.combine(
                        Arbitraries.doubles().between(0, 1).ofScale(6), Arbitraries.of(Change.Kind.class), values())
                .as(Change::new);
        return Combinators.combine(
                        Arbitraries.of(VALID_SAMPLES),
                        change.list().ofMinSize(1).ofMaxSize(5))
                .as(ConsumerInputPropertiesTest::envelope);
    }

    private static SampleEvent envelope(String sample, List<Change> changes) {
        SampleEvent event = SampleEvent.load(sample);
        JsonNode detail = event.detail().deepCopy();
        for (Change change : changes) {
            switch (change.kind()) {
                case SOURCE -> event = event.with("source", change.value());
                case DETAIL_TYPE -> event = event.with("detail-type", change.value());
                case NEW_ID -> event = event.with("id", change.value());
                default -> detail = mutate(detail, change);
            }
        }
        return event.with("detail", detail);
    }

    private static JsonNode mutate(JsonNode detail, Change change) {
        List<String> paths = JsonPointers.below(detail);
        if (paths.isEmpty()) {
            return change.value().deepCopy();
        }
        String path = paths.get((int) Math.min(paths.size() - 1, Math.floor(change.where() * paths.size())));
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash <= 0 ? detail : detail.at(path.substring(0, slash));
        String last = path.substring(slash + 1);
        if (change.kind() == Change.Kind.ADD_FIELD) {
            JsonNode target = detail.at(path);
            ObjectNode owner = target instanceof ObjectNode object ? object : (ObjectNode) detail;
            owner.set("extra" + path.length(), change.value().deepCopy());
        } else if (parent instanceof ObjectNode object) {
            if (change.kind() == Change.Kind.REMOVE) {
                object.remove(last);
            } else {
                object.set(last, change.value().deepCopy());
            }
        } else if (parent instanceof ArrayNode array) {
            if (change.kind() == Change.Kind.REMOVE) {
                array.remove(Integer.parseInt(last));
            } else {
                array.set(Integer.parseInt(last), change.value().deepCopy());
            }
        }
        return detail;
    }

    /** Values of every JSON type, with the edge cases that break readers: huge, negative, empty, odd text. */
    private static Arbitrary<JsonNode> values() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.integers().between(-2000, 2000).map(NODES::numberNode),
                Arbitraries.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L)
                        .map(NODES::numberNode),
                Arbitraries.of(new BigInteger("9".repeat(40)), BigInteger.TWO.pow(64))
                        .map(NODES::numberNode),
                Arbitraries.of(new BigDecimal("0.5"), new BigDecimal("1e308"), new BigDecimal("-12.50"))
                        .map(NODES::numberNode),
                Arbitraries.strings().all().ofMaxLength(40).map(NODES::textNode),
                Arbitraries.of(
                                "",
                                " ",
                                "1.0",
                                "1.9",
                                "2.0",
                                "1",
                                "1.",
                                "v1",
                                "EUR",
                                "XXX",
                                "XAU",
                                "JPY",
                                "eur",
                                "shop.checkout",
                                "OrderCreated",
                                "OrderCancelled",
                                "not-a-uuid",
                                "2025-13-45T99:00:00Z",
                                "\u0000",
                                "\uD83D\uDE00")
                        .map(NODES::textNode),
                Arbitraries.create(NODES::arrayNode),
                Arbitraries.create(NODES::objectNode));
    }
}
