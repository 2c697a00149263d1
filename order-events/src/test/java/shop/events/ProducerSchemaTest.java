package shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProducerSchemaTest {

    private static final SchemaCheck SCHEMA = SchemaCheck.producer(OrderCreatedEvent.CURRENT_VERSION);

    static ObjectNode validDetail() throws IOException {
        try (InputStream in = ProducerSchemaTest.class.getResourceAsStream("/details/valid-order.json")) {
            return (ObjectNode) EventJson.mapper().readTree(in);
        }
    }

    @Test
    void everyPublishedVersionHasASchemaOnTheClasspath() {
        assertThat(OrderCreatedEvent.PUBLISHED_VERSIONS)
                .contains(OrderCreatedEvent.CURRENT_VERSION)
                .allSatisfy(version ->
                        assertThat(SchemaCheck.producer(version).name()).endsWith(version + ".json"));
    }

    @Test
    void aCompleteOrderIsValid() throws IOException {
        assertThat(SCHEMA.violations(validDetail())).isEmpty();
    }

    @Test
    void recordsRoundTripThroughTheSchema() throws IOException {
        OrderCreated order = EventJson.fromTree(validDetail());

        JsonNode written = EventJson.toTree(order);

        assertThat(SCHEMA.violations(written)).isEmpty();
        assertThat(EventJson.fromTree(written)).isEqualTo(order);
    }

    @Test
    void theCorrelationIdIsOptional() throws IOException {
        ObjectNode detail = validDetail();
        detail.remove("correlationId");

        assertThat(SCHEMA.violations(detail)).isEmpty();
        assertThat(EventJson.toTree(EventJson.fromTree(detail)).has("correlationId"))
                .isFalse();
    }

    @Test
    void theCorrelationIdRoundTripsThroughTheRecord() throws IOException {
        OrderCreated order = EventJson.fromTree(validDetail());

        assertThat(order.correlationId()).isEqualTo("Hx3kWj8sFiAEJbQ=");
    }

    static Stream<Arguments> brokenDetails() {
        return Stream.of(
                broken("missing orderId", "orderId", d -> d.remove("orderId")),
                broken("orderId not a UUID", "orderId", d -> d.put("orderId", "order-1")),
                broken("createdAt not a date-time", "createdAt", d -> d.put("createdAt", "yesterday")),
                broken("email without @", "email", d -> ((ObjectNode) d.get("customer")).put("email", "not-an-email")),
                broken(
                        "rewardsSignup as text",
                        "rewardsSignup",
                        d -> ((ObjectNode) d.get("customer")).put("rewardsSignup", "yes")),
                broken("no items", "items", d -> d.set("items", d.arrayNode())),
                broken("zero quantity", "quantity", d -> item(d).put("quantity", 0)),
                broken("negative unit price", "unitPrice", d -> item(d).put("unitPrice", -1)),
                broken("fractional unit price", "unitPrice", d -> item(d).put("unitPrice", 12.5)),
                broken("lower-case currency", "currency", d -> ((ObjectNode) d.get("total")).put("currency", "eur")),
                broken(
                        "three-letter country",
                        "country",
                        d -> ((ObjectNode) d.get("shippingAddress")).put("country", "GBR")),
                broken("unknown top-level field", "giftWrap", d -> d.put("giftWrap", true)),
                broken("other schema version", "schemaVersion", d -> d.put("schemaVersion", "1.2")),
                broken("empty correlationId", "correlationId", d -> d.put("correlationId", "")),
                broken("correlationId not text", "correlationId", d -> d.put("correlationId", 42)),
                broken("correlationId too long", "correlationId", d -> d.put("correlationId", "x".repeat(129))));
    }

    private static Arguments broken(String name, String field, Consumer<ObjectNode> change) {
        return Arguments.of(name, field, change);
    }

    private static ObjectNode item(ObjectNode detail) {
        return (ObjectNode) ((ArrayNode) detail.get("items")).get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDetails")
    void aBrokenDetailIsRejectedNamingTheField(String name, String field, Consumer<ObjectNode> change)
            throws IOException {
        ObjectNode detail = validDetail();
        change.accept(detail);

        assertThat(SCHEMA.violations(detail))
                .anySatisfy(violation -> assertThat(violation).contains(field));
    }
}
