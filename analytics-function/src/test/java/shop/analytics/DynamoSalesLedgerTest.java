package shop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.testkit.FakeDynamoDb.cancelled;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import shop.testkit.FakeDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

class DynamoSalesLedgerTest {

    private static final Instant NOW = Instant.parse("2025-11-03T09:15:30Z");
    private static final String ORDER_ID = "85141e04-3a68-4de4-8737-67876611a13c";
    private static final OrderSales TWO_SKUS = new OrderSales(
            ORDER_ID,
            "EUR",
            List.of(new OrderSales.SkuSale("CUP-ESP-2", 2, 2500), new OrderSales.SkuSale("GRD-HND-1", 1, 1750)));
    /** As many distinct SKUs as OrderCreated allows items: one more action than a transaction may hold. */
    private static final OrderSales HUNDRED_SKUS = new OrderSales(
            ORDER_ID,
            "EUR",
            IntStream.rangeClosed(1, 100)
                    .mapToObj(i -> new OrderSales.SkuSale("SKU-%03d".formatted(i), 1, 100))
                    .toList());

    private final FakeDynamoDb dynamo = new FakeDynamoDb().withKey("SalesTable-test", "pk", "sk");
    private final DynamoSalesLedger ledger = new DynamoSalesLedger(dynamo, "SalesTable-test");

    @Test
    void writesTheMarkerAndEverySkusCountersInOneTransaction() {
        boolean recorded = ledger.recordOnce(TWO_SKUS, NOW);

        assertThat(recorded).isTrue();
        assertThat(dynamo.transactions()).hasSize(1);
        List<TransactWriteItem> actions = dynamo.transactions().get(0).transactItems();
        assertThat(actions).hasSize(3);
        Put marker = actions.get(0).put();
        assertThat(marker.tableName()).isEqualTo("SalesTable-test");
        assertThat(marker.conditionExpression()).isEqualTo("attribute_not_exists(pk)");
        assertThat(marker.item())
                .isEqualTo(Map.of(
                        "pk", AttributeValue.fromS("ORDER#" + ORDER_ID),
                        "sk", AttributeValue.fromS("PART#1"),
                        "orderId", AttributeValue.fromS(ORDER_ID),
                        "part", AttributeValue.fromN("1"),
                        "parts", AttributeValue.fromN("1"),
                        "skus", AttributeValue.fromN("2"),
                        "recordedAt", AttributeValue.fromS("2025-11-03T09:15:30Z")));
        Update cups = actions.get(1).update();
        assertThat(cups.tableName()).isEqualTo("SalesTable-test");
        assertThat(cups.key())
                .isEqualTo(Map.of(
                        "pk", AttributeValue.fromS("SKU#CUP-ESP-2"), "sk", AttributeValue.fromS("CURRENCY#EUR")));
        assertThat(cups.updateExpression())
                .isEqualTo("ADD #units :units, #revenue :revenue, #orders :one SET #sku = :sku,"
                        + " #currency = :currency, #updatedAt = :now");
        assertThat(cups.expressionAttributeValues())
                .containsAllEntriesOf(Map.of(
                        ":units",
                        AttributeValue.fromN("2"),
                        ":revenue",
                        AttributeValue.fromN("2500"),
                        ":one",
                        AttributeValue.fromN("1")));
        assertThat(actions.get(2).update().key()).containsEntry("pk", AttributeValue.fromS("SKU#GRD-HND-1"));
    }

    @Test
    void anOrderOfAHundredSkusIsSplitIntoPartsThatFitATransaction() {
        boolean recorded = ledger.recordOnce(HUNDRED_SKUS, NOW);

        assertThat(recorded).isTrue();
        assertThat(dynamo.transactions())
                .extracting(request -> request.transactItems().size())
                .containsExactly(DynamoSalesLedger.MAX_TRANSACTION_ACTIONS, 2)
                .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(DynamoSalesLedger.MAX_TRANSACTION_ACTIONS));
        assertThat(dynamo.transactions())
                .extracting(request ->
                        request.transactItems().get(0).put().item().get("sk").s())
                .containsExactly("PART#1", "PART#2");
        assertThat(dynamo.transactions()
                        .get(1)
                        .transactItems()
                        .get(1)
                        .update()
                        .key()
                        .get("pk")
                        .s())
                .isEqualTo("SKU#SKU-100");
    }

    @Test
    void aMarkerThatExistsMeansAlreadyRecorded() {
        ledger.recordOnce(TWO_SKUS, NOW);

        boolean recordedAgain = ledger.recordOnce(TWO_SKUS, NOW.plusSeconds(60));

        assertThat(recordedAgain).isFalse();
        assertThat(dynamo.transactions()).hasSize(2);
    }

    @Test
    void aRetryAfterAFailureBetweenPartsAddsOnlyTheMissingPart() {
        dynamo.thenSucceed().thenFail(cancelled("None", "TransactionConflict"));
        assertThatThrownBy(() -> ledger.recordOnce(HUNDRED_SKUS, NOW)).isInstanceOf(TransactionCanceledException.class);

        boolean recorded = ledger.recordOnce(HUNDRED_SKUS, NOW);

        assertThat(recorded).isTrue();
        assertThat(dynamo.transactions()).hasSize(4);
    }

    @Test
    void everyPartAlreadyThereMeansAlreadyRecorded() {
        ledger.recordOnce(HUNDRED_SKUS, NOW);

        assertThat(ledger.recordOnce(HUNDRED_SKUS, NOW)).isFalse();
        assertThat(dynamo.transactions()).hasSize(4);
    }
}
