package shop.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import shop.events.InvalidEventException;
import shop.events.OrderCreated.Address;
import shop.warehouse.ShipmentRequest.Item;

class WarehouseHandlerTest {

    private static final Instant NOW = Instant.parse("2025-11-03T09:15:30Z");

    private final InMemoryShipmentStore store = new InMemoryShipmentStore();
    private final WarehouseHandler handler = new WarehouseHandler(store, Clock.fixed(NOW, ZoneOffset.UTC));
    private final CapturingContext context = new CapturingContext();

    static Stream<Arguments> samples() {
        return Stream.of(
                arguments("rewards signup, address with line2", "order-created-rewards-signup.json",
                        new ShipmentRequest("85141e04-3a68-4de4-8737-67876611a13c", "PENDING", "Mira Kovač",
                                List.of(new Item("CUP-ESP-2", "Espresso cups (set of 2)", 2),
                                        new Item("GRD-HND-1", "Hand grinder & brush", 1)),
                                new Address("Obala 12", "Flat 3", "Split", null, "21000", "HR"),
                                Instant.parse("2025-11-03T09:15:27.412Z"), NOW)),
                arguments("no signup, address with region", "order-created-no-signup.json",
                        new ShipmentRequest("9bad17fb-a2b1-4e22-8eed-5d50cba3539f", "PENDING", "Jonas O'Neill",
                                List.of(new Item("NB-A5-DOT", "Notebook <A5, dotted>", 3),
                                        new Item("PEN-FNT-F", "Fountain pen \"Fine\"", 1)),
                                new Address("4 Mill Street", null, "Cork", "Co. Cork", "T12 X2Y3", "IE"),
                                Instant.parse("2025-11-03T10:02:51.008Z"), NOW)),
                arguments("yen order", "order-created-jpy.json",
                        new ShipmentRequest("26b6ae69-8716-4171-a7e0-3e59d22c8965", "PENDING", "Hana Sato",
                                List.of(new Item("TEA-SEN-100", "Sencha 100 g", 2), new Item("CUP-YUN-1", "Yunomi cup", 1)),
                                new Address("2-14-7 Kanda", null, "Chiyoda-ku", "Tokyo", "101-0047", "JP"),
                                Instant.parse("2025-11-04T01:40:09.930Z"), NOW)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void recordsOnePendingShipmentRequestPerOrder(String name, String file, ShipmentRequest expected) {
        handler.handleRequest(Samples.load(file), context);

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.find(expected.orderId())).contains(expected);
    }

    @Test
    void sameEventDeliveredTwiceRecordsOneShipment() {
        ScheduledEvent event = Samples.load("order-created-rewards-signup.json");

        handler.handleRequest(event, context);
        handler.handleRequest(event, context);

        assertThat(store.size()).isEqualTo(1);
        assertThat(context.lines()).hasSize(2);
        assertThat(context.lines().get(0)).contains("\"outcome\":\"RECORDED\"", "\"duplicate\":false");
        assertThat(context.lines().get(1)).contains("\"outcome\":\"ALREADY_RECORDED\"", "\"duplicate\":true");
    }

    @Test
    void sameOrderUnderANewEventIdKeepsTheFirstRequest() {
        Instant later = NOW.plusSeconds(3600);
        WarehouseHandler redeliveringLater = new WarehouseHandler(store, Clock.fixed(later, ZoneOffset.UTC));
        handler.handleRequest(Samples.load("order-created-rewards-signup.json"), context);

        redeliveringLater.handleRequest(Samples.redelivered("order-created-rewards-signup.json"), context);

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.find("85141e04-3a68-4de4-8737-67876611a13c")).hasValueSatisfying(
                request -> assertThat(request.recordedAt()).isEqualTo(NOW));
        assertThat(context.lines().get(1)).contains("\"duplicate\":true");
    }

    static Stream<Arguments> poison() {
        return Stream.of(
                arguments("missing order id", "poison/missing-order-id.json", "orderId"),
                arguments("missing shipping address", "poison/missing-shipping-address.json", "shippingAddress"),
                arguments("unknown major version", "poison/unknown-major.json", "schemaVersion 2.0 is not supported"),
                arguments("wrong detail-type", "poison/wrong-detail-type.json", "detail-type is 'OrderCancelled'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison")
    void poisonEventIsRejectedNamingTheReasonAndRecordsNothing(String name, String file, String reason) {
        ScheduledEvent event = Samples.load(file);

        assertThatThrownBy(() -> handler.handleRequest(event, context))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.problems()).anySatisfy(problem -> assertThat(problem).contains(reason)));
        assertThat(store.size()).isZero();
        assertThat(context.all()).contains("event.rejected", reason);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"poison/missing-customer-email.json", "poison/missing-total.json",
            "compatible/order-created-1.1-new-fields.json"})
    void fieldsThisConsumerDoesNotReadMayBeMissingOrNew(String file) {
        handler.handleRequest(Samples.load(file), context);

        assertThat(store.size()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"order-created-rewards-signup.json", "order-created-no-signup.json", "order-created-jpy.json",
            "poison/missing-order-id.json", "poison/missing-shipping-address.json", "poison/unknown-major.json",
            "poison/wrong-detail-type.json"})
    void logsNeverCarryPersonalData(String file) {
        ScheduledEvent event = Samples.load(file);
        List<String> personalData = Samples.personalData(event);

        catchThrowable(() -> handler.handleRequest(event, context));

        assertThat(personalData).isNotEmpty();
        assertThat(context.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).contains(event.getId()));
        assertThat(context.all()).doesNotContain(personalData);
    }
}
