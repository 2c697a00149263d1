package shop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConsumerContractTest {

    private final ConsumerContract contract = new ConsumerContract(
            "test-consumer",
            Set.of("1"),
            SchemaCheck.fromClasspath(ConsumerContractTest.class, "/contract/reads-order-id-and-total.json"));

    @Test
    void readsWhatItNeedsAndIgnoresWhatItDoesNotKnow() throws IOException {
        ObjectNode detail = ProducerSchemaTest.validDetail();
        detail.put("loyaltyTier", "gold");
        detail.put("schemaVersion", "1.7");

        OrderCreated order = contract.read(OrderCreatedEvent.SOURCE, OrderCreatedEvent.DETAIL_TYPE, detail);

        assertThat(order.orderId()).isEqualTo("3f1c2a9e-4b7d-4c21-9a55-0d6f1e2b3c4d");
        assertThat(order.total()).isEqualTo(new OrderCreated.Money(4900, "EUR"));
    }

    @Test
    void partsTheConsumerDoesNotReadMayBeAbsent() throws IOException {
        ObjectNode detail = ProducerSchemaTest.validDetail();
        detail.remove("shippingAddress");

        OrderCreated order = contract.read(OrderCreatedEvent.SOURCE, OrderCreatedEvent.DETAIL_TYPE, detail);

        assertThat(order.shippingAddress()).isNull();
    }

    static Stream<Arguments> poison() {
        return Stream.of(
                Arguments.of(
                        "missing the field it reads",
                        "orderId",
                        OrderCreatedEvent.SOURCE,
                        OrderCreatedEvent.DETAIL_TYPE,
                        (Consumer<ObjectNode>) d -> d.remove("orderId")),
                Arguments.of(
                        "unknown major version",
                        "schemaVersion 2.0",
                        OrderCreatedEvent.SOURCE,
                        OrderCreatedEvent.DETAIL_TYPE,
                        (Consumer<ObjectNode>) d -> d.put("schemaVersion", "2.0")),
                Arguments.of(
                        "no schema version",
                        "$.schemaVersion is missing",
                        OrderCreatedEvent.SOURCE,
                        OrderCreatedEvent.DETAIL_TYPE,
                        (Consumer<ObjectNode>) d -> d.remove("schemaVersion")),
                Arguments.of(
                        "wrong detail-type",
                        "detail-type is 'OrderCancelled'",
                        OrderCreatedEvent.SOURCE,
                        "OrderCancelled",
                        (Consumer<ObjectNode>) d -> {}),
                Arguments.of(
                        "wrong source",
                        "source is 'shop.returns'",
                        "shop.returns",
                        OrderCreatedEvent.DETAIL_TYPE,
                        (Consumer<ObjectNode>) d -> {}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison")
    void aPoisonEventIsRejectedWithItsReason(
            String name, String reason, String source, String detailType, Consumer<ObjectNode> change)
            throws IOException {
        ObjectNode detail = ProducerSchemaTest.validDetail();
        change.accept(detail);

        assertThatThrownBy(() -> contract.read(source, detailType, detail))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("test-consumer")
                .hasMessageContaining(reason);
    }

    @Test
    void aDetailThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> contract.read(OrderCreatedEvent.SOURCE, OrderCreatedEvent.DETAIL_TYPE, null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail is missing or not a JSON object");
    }
}
