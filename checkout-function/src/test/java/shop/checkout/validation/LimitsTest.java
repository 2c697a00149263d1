package shop.checkout.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.events.EventJson;
import shop.events.OrderCreatedEvent;
import shop.events.SchemaCheck;

/** The request limits are the event schema's: a request we accept must never make an event the schema rejects. */
class LimitsTest {

    private static JsonNode contract;

    @BeforeAll
    static void readContract() throws IOException {
        contract = read(SchemaCheck.class, OrderCreatedEvent.schemaResource(OrderCreatedEvent.CURRENT_VERSION));
    }

    record Bound(String name, String schemaPointer, long limit) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bound> bounds() {
        String customer = "/properties/customer/properties/";
        String item = "/properties/items/items/properties/";
        String address = "/properties/shippingAddress/properties/";
        return Stream.of(
                new Bound("customerId length", customer + "customerId/maxLength", Limits.MAX_CUSTOMER_ID),
                new Bound("email length", customer + "email/maxLength", Limits.MAX_EMAIL),
                new Bound("customer name length", customer + "name/maxLength", Limits.MAX_CUSTOMER_NAME),
                new Bound("item count", "/properties/items/maxItems", Limits.MAX_ITEMS),
                new Bound("sku length", item + "sku/maxLength", Limits.MAX_SKU),
                new Bound("item name length", item + "name/maxLength", Limits.MAX_ITEM_NAME),
                new Bound("least quantity", item + "quantity/minimum", Limits.MIN_QUANTITY),
                new Bound("most quantity", item + "quantity/maximum", Limits.MAX_QUANTITY),
                new Bound("highest unit price", item + "unitPrice/maximum", Limits.MAX_UNIT_PRICE),
                new Bound("line1 length", address + "line1/maxLength", Limits.MAX_ADDRESS_LINE),
                new Bound("line2 length", address + "line2/maxLength", Limits.MAX_ADDRESS_LINE),
                new Bound("city length", address + "city/maxLength", Limits.MAX_CITY),
                new Bound("region length", address + "region/maxLength", Limits.MAX_REGION),
                new Bound("postal code length", address + "postalCode/maxLength", Limits.MAX_POSTAL_CODE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounds")
    void matchesTheEventSchema(Bound bound) {
        JsonNode schemaValue = contract.at(bound.schemaPointer());

        assertThat(schemaValue.isIntegralNumber())
                .as("%s in the schema", bound.schemaPointer())
                .isTrue();
        assertThat(schemaValue.longValue()).isEqualTo(bound.limit());
    }

    @Test
    void checksEmailsWithTheEventSchemasOwnRule() throws IOException {
        JsonNode ours = read(OrderRequestValidator.class, "/schemas/checkout/email.json");
        JsonNode theirs = contract.at("/properties/customer/properties/email");

        assertThat(ours.get("type")).isEqualTo(theirs.get("type"));
        assertThat(ours.get("format")).isEqualTo(theirs.get("format"));
        assertThat(ours.get("maxLength")).isEqualTo(theirs.get("maxLength"));
    }

    private static JsonNode read(Class<?> anchor, String resource) throws IOException {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return EventJson.mapper().readTree(in);
        }
    }
}
