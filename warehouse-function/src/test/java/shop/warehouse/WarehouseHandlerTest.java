package shop.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static shop.testkit.SampleEvent.HANDLED_AT;
import static shop.testkit.SampleEvent.HANDLING_CLOCK;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.events.OrderCreated.Address;
import shop.subscriber.DeliveryHandler;
import shop.testkit.CapturingContext;
import shop.testkit.SampleEvent;
import shop.warehouse.ShipmentRequest.Item;

class WarehouseHandlerTest {

    private final InMemoryShipmentStore store = new InMemoryShipmentStore();
    private final DeliveryHandler handler =
            WarehouseHandler.SUBSCRIBER.over(new ShipmentRequests(store, HANDLING_CLOCK)::record);
    private final CapturingContext context = new CapturingContext("WarehouseFunction");

    static Stream<Arguments> samples() {
        return Stream.of(
                arguments(
                        "rewards signup, address with line2",
                        "order-created-rewards-signup.json",
                        new ShipmentRequest(
                                "85141e04-3a68-4de4-8737-67876611a13c",
                                "PENDING",
                                "Mira Kovač",
                                List.of(
                                        new Item("CUP-ESP-2", "Espresso cups (set of 2)", 2),
                                        new Item("GRD-HND-1", "Hand grinder & brush", 1)),
                                new Address("Obala 12", "Flat 3", "Split", null, "21000", "HR"),
                                Instant.parse("2025-11-03T09:15:27.412Z"),
                                HANDLED_AT)),
                arguments(
                        "no signup, address with region",
                        "order-created-no-signup.json",
                        new ShipmentRequest(
                                "9bad17fb-a2b1-4e22-8eed-5d50cba3539f",
                                "PENDING",
                                "Jonas O'Neill",
                                List.of(
                                        new Item("NB-A5-DOT", "Notebook <A5, dotted>", 3),
                                        new Item("PEN-FNT-F", "Fountain pen \"Fine\"", 1)),
                                new Address("4 Mill Street", null, "Cork", "Co. Cork", "T12 X2Y3", "IE"),
                                Instant.parse("2025-11-03T10:02:51.008Z"),
                                HANDLED_AT)),
                arguments(
                        "yen order",
                        "order-created-jpy.json",
                        new ShipmentRequest(
                                "26b6ae69-8716-4171-a7e0-3e59d22c8965",
                                "PENDING",
                                "Hana Sato",
                                List.of(
                                        new Item("TEA-SEN-100", "Sencha 100 g", 2),
                                        new Item("CUP-YUN-1", "Yunomi cup", 1)),
                                new Address("2-14-7 Kanda", null, "Chiyoda-ku", "Tokyo", "101-0047", "JP"),
                                Instant.parse("2025-11-04T01:40:09.930Z"),
                                HANDLED_AT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void recordsOnePendingShipmentRequestPerOrder(String name, String file, ShipmentRequest expected) {
        SampleEvent.load(file).deliverTo(handler, context);

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.find(expected.orderId())).contains(expected);
    }

    @Test
    void sameOrderUnderANewEventIdKeepsTheFirstRequest() {
        DeliveryHandler redeliveringLater = WarehouseHandler.SUBSCRIBER.over(
                new ShipmentRequests(store, Clock.offset(HANDLING_CLOCK, Duration.ofHours(1)))::record);
        SampleEvent event = SampleEvent.load("order-created-rewards-signup.json");
        event.deliverTo(handler, context);

        event.redelivered().deliverTo(redeliveringLater, context);

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.find(event.orderId()))
                .hasValueSatisfying(request -> assertThat(request.recordedAt()).isEqualTo(HANDLED_AT));
        assertThat(context.logLines().get(1)).contains("\"duplicate\":true");
    }
}
