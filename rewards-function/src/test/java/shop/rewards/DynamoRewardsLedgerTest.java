package shop.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.testkit.FakeDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

class DynamoRewardsLedgerTest {

    private static final Instant NOW = Instant.parse("2025-11-03T09:15:30Z");
    private static final OrderCredit CREDIT = new OrderCredit(
            "cust-1001", "85141e04-3a68-4de4-8737-67876611a13c", 42, Instant.parse("2025-11-03T09:15:27.412Z"));

    private final FakeDynamoDb dynamo = new FakeDynamoDb();
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

    @Test
    void entryConditionFailingMeansAlreadyCredited() {
        dynamo.failingWith(cancelled("ConditionalCheckFailed", "None"));

        boolean credited = ledger.creditOnce(CREDIT, NOW);

        assertThat(credited).isFalse();
    }

    static Stream<Arguments> otherCancellations() {
        return Stream.of(
                arguments("a concurrent transaction on the balance", cancelled("None", "TransactionConflict")),
                arguments("throttled entry", cancelled("ThrottlingError", "None")),
                arguments("a conflict on the entry", cancelled("TransactionConflict", "None")),
                arguments(
                        "no reasons given",
                        TransactionCanceledException.builder()
                                .message("cancelled")
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherCancellations")
    void anyOtherCancellationIsRethrownForLambdaToRetry(String name, TransactionCanceledException cancellation) {
        dynamo.failingWith(cancellation);

        assertThatThrownBy(() -> ledger.creditOnce(CREDIT, NOW)).isSameAs(cancellation);
    }

    private static TransactionCanceledException cancelled(String entryReason, String balanceReason) {
        return TransactionCanceledException.builder()
                .message("Transaction cancelled, please refer cancellation reasons for specific reasons [" + entryReason
                        + ", " + balanceReason + "]")
                .cancellationReasons(
                        CancellationReason.builder().code(entryReason).build(),
                        CancellationReason.builder().code(balanceReason).build())
                .build();
    }
}
