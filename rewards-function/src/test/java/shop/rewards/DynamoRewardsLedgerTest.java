package shop.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.testkit.FakeDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

class DynamoRewardsLedgerTest {

    private static final Instant NOW = Instant.parse("2025-11-03T09:15:30Z");
    private static final OrderCredit CREDIT = new OrderCredit(
            "cust-1001", "85141e04-3a68-4de4-8737-67876611a13c", 42, Instant.parse("2025-11-03T09:15:27.412Z"));

    private final FakeDynamoDb dynamo = new FakeDynamoDb().withKey("RewardsTable-test", "customerId", "entry");
    private final DynamoRewardsLedger ledger = new DynamoRewardsLedger(dynamo, "RewardsTable-test");

    @Test
    void writesTheEntryAndTheBalanceInOneTransaction() {
        boolean credited = ledger.creditOnce(CREDIT, NOW);

        assertThat(credited).isTrue();
        TransactWriteItemsRequest transaction = dynamo.transactions().get(0);
        assertThat(transaction.transactItems()).hasSize(2);
        Put entry = transaction.transactItems().get(0).put();
        assertThat(entry.tableName()).isEqualTo("RewardsTable-test");
        assertThat(entry.conditionExpression()).isEqualTo("attribute_not_exists(customerId)");
        assertThat(entry.item())
                .isEqualTo(Map.of(
                        "customerId", AttributeValue.fromS("cust-1001"),
                        "entry", AttributeValue.fromS("ORDER#85141e04-3a68-4de4-8737-67876611a13c"),
                        "points", AttributeValue.fromN("42"),
                        "orderId", AttributeValue.fromS("85141e04-3a68-4de4-8737-67876611a13c"),
                        "createdAt", AttributeValue.fromS("2025-11-03T09:15:27.412Z")));
        Update balance = transaction.transactItems().get(1).update();
        assertThat(balance.tableName()).isEqualTo("RewardsTable-test");
        assertThat(balance.key())
                .isEqualTo(Map.of(
                        "customerId", AttributeValue.fromS("cust-1001"), "entry", AttributeValue.fromS("BALANCE")));
        assertThat(balance.updateExpression()).isEqualTo("ADD #points :points SET #updatedAt = :now");
        assertThat(balance.expressionAttributeNames())
                .isEqualTo(Map.of("#points", "points", "#updatedAt", "updatedAt"));
        assertThat(balance.expressionAttributeValues())
                .isEqualTo(Map.of(
                        ":points", AttributeValue.fromN("42"), ":now", AttributeValue.fromS("2025-11-03T09:15:30Z")));
    }

    /** The entry's key is the customer and the order: the same order is credited once, the customer's next one too. */
    @Test
    void theOrdersEntryGuardsTheCreditNotTheCustomers() {
        ledger.creditOnce(CREDIT, NOW);
        OrderCredit nextOrder = new OrderCredit(CREDIT.customerId(), "next-order", 7, CREDIT.orderCreatedAt());

        assertThat(ledger.creditOnce(CREDIT, NOW.plusSeconds(60)))
                .as("same order again")
                .isFalse();
        assertThat(ledger.creditOnce(nextOrder, NOW.plusSeconds(60)))
                .as("next order")
                .isTrue();
    }
}
