package shop.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.events.OrderCreated.Address;
import shop.testkit.FakeDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

class DynamoShipmentStoreTest {

    private static final ShipmentRequest REQUEST = new ShipmentRequest(
            "85141e04-3a68-4de4-8737-67876611a13c",
            "PENDING",
            "Mira Kovač",
            List.of(new ShipmentRequest.Item("CUP-ESP-2", "Espresso cups (set of 2)", 2)),
            new Address("Obala 12", null, "Split", null, "21000", "HR"),
            Instant.parse("2025-11-03T09:15:27.412Z"),
            Instant.parse("2025-11-03T09:15:30Z"));

    private final FakeDynamoDb dynamo = new FakeDynamoDb();
    private final DynamoShipmentStore store = new DynamoShipmentStore(dynamo, "ShipmentsTable-test");

    @Test
    void writesTheRequestAsOnePutConditionalOnTheOrderBeingNew() {
        boolean stored = store.addIfAbsent(REQUEST);

        assertThat(stored).isTrue();
        PutItemRequest put = dynamo.puts().get(0);
        assertThat(put.tableName()).isEqualTo("ShipmentsTable-test");
        assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(orderId)");
        assertThat(put.item())
                .isEqualTo(Map.of(
                        "orderId", AttributeValue.fromS("85141e04-3a68-4de4-8737-67876611a13c"),
                        "status", AttributeValue.fromS("PENDING"),
                        "recipientName", AttributeValue.fromS("Mira Kovač"),
                        "items",
                                AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                                        "sku", AttributeValue.fromS("CUP-ESP-2"),
                                        "name", AttributeValue.fromS("Espresso cups (set of 2)"),
                                        "quantity", AttributeValue.fromN("2"))))),
                        "shippingAddress",
                                AttributeValue.fromM(Map.of(
                                        "line1", AttributeValue.fromS("Obala 12"),
                                        "city", AttributeValue.fromS("Split"),
                                        "postalCode", AttributeValue.fromS("21000"),
                                        "country", AttributeValue.fromS("HR"))),
                        "orderCreatedAt", AttributeValue.fromS("2025-11-03T09:15:27.412Z"),
                        "recordedAt", AttributeValue.fromS("2025-11-03T09:15:30Z")));
    }

    @Test
    void optionalAddressLinesAreStoredWhenGiven() {
        ShipmentRequest withAllLines = new ShipmentRequest(
                REQUEST.orderId(),
                REQUEST.status(),
                REQUEST.recipientName(),
                REQUEST.items(),
                new Address("Obala 12", "Flat 3", "Split", "Dalmatia", "21000", "HR"),
                REQUEST.orderCreatedAt(),
                REQUEST.recordedAt());

        store.addIfAbsent(withAllLines);

        assertThat(dynamo.puts().get(0).item().get("shippingAddress").m())
                .containsEntry("line2", AttributeValue.fromS("Flat 3"))
                .containsEntry("region", AttributeValue.fromS("Dalmatia"));
    }

    @Test
    void failedConditionMeansTheOrderIsAlreadyRecorded() {
        store.addIfAbsent(REQUEST);

        boolean storedAgain = store.addIfAbsent(REQUEST);

        assertThat(storedAgain).isFalse();
        assertThat(dynamo.puts()).hasSize(2);
    }

    @Test
    void anyOtherFailureIsRethrownForLambdaToRetry() {
        dynamo.failingWith(ProvisionedThroughputExceededException.builder()
                .message("slow down")
                .build());

        assertThatThrownBy(() -> store.addIfAbsent(REQUEST)).isInstanceOf(ProvisionedThroughputExceededException.class);
    }
}
