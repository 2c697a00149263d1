package shop.subscriber.once;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static shop.testkit.FakeDynamoDb.cancelled;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.testkit.FakeDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

class GuardedTransactionTest {

    private static final List<TransactWriteItem> ACTIONS = List.of(
            TransactWriteItem.builder()
                    .put(Put.builder()
                            .tableName("Ledger-test")
                            .item(Map.of("pk", AttributeValue.fromS("ORDER#1")))
                            .conditionExpression("attribute_not_exists(pk)")
                            .build())
                    .build(),
            TransactWriteItem.builder()
                    .update(Update.builder()
                            .tableName("Ledger-test")
                            .key(Map.of("pk", AttributeValue.fromS("TOTAL")))
                            .updateExpression("ADD #n :one")
                            .build())
                    .build());

    private final FakeDynamoDb dynamo = new FakeDynamoDb();
    private final GuardedTransaction transaction = new GuardedTransaction(dynamo);

    @Test
    void writesEveryActionInOneTransaction() {
        assertThat(transaction.writeOnce(ACTIONS)).isTrue();

        assertThat(dynamo.transactions())
                .singleElement()
                .satisfies(request -> assertThat(request.transactItems()).isEqualTo(ACTIONS));
    }

    @Test
    void aGuardThatExistsMeansWrittenBefore() {
        transaction.writeOnce(ACTIONS);

        assertThat(transaction.writeOnce(ACTIONS)).isFalse();
        assertThat(dynamo.transactions()).hasSize(2);
    }

    static Stream<Arguments> otherCancellations() {
        return Stream.of(
                arguments("a concurrent transaction on a later action", cancelled("None", "TransactionConflict")),
                arguments("a conflict on the guard", cancelled("TransactionConflict", "None")),
                arguments("throttled guard", cancelled("ThrottlingError", "None")),
                arguments("a later action's condition failed", cancelled("None", "ConditionalCheckFailed")),
                arguments("no reasons given", cancelled()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherCancellations")
    void anyOtherCancellationIsRethrownForLambdaToRetry(String name, TransactionCanceledException cancellation) {
        dynamo.thenFail(cancellation);

        assertThatThrownBy(() -> transaction.writeOnce(ACTIONS)).isSameAs(cancellation);
    }
}
