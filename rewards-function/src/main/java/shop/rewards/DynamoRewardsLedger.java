package shop.rewards;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import shop.subscriber.once.GuardedTransaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * RewardsTable in DynamoDB (key {@code customerId} + {@code entry}), written with one {@code TransactWriteItems}:
 *
 * <ul>
 *   <li>Put {@code {customerId, entry: "ORDER#<orderId>", points, orderId, createdAt}} if that entry does not exist;
 *   <li>Update {@code {customerId, entry: "BALANCE"}}: {@code ADD points, SET updatedAt}.
 * </ul>
 *
 * The put's condition is the idempotency check: when it fails the whole transaction is cancelled, so the balance only
 * ever moves together with a new entry. Thread-safe: the SDK client is.
 */
public record DynamoRewardsLedger(DynamoDbClient dynamo, String table) implements RewardsLedger {

    /** Sort key of the customer's running balance. */
    public static final String BALANCE = "BALANCE";
    /** Sort key prefix of one order's ledger entry. */
    public static final String ORDER_PREFIX = "ORDER#";

    @Override
    public boolean creditOnce(OrderCredit credit, Instant now) {
        return new GuardedTransaction(dynamo).writeOnce(List.of(entryPut(credit), balanceUpdate(credit, now)));
    }

    private TransactWriteItem entryPut(OrderCredit credit) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(Map.of(
                                "customerId", AttributeValue.fromS(credit.customerId()),
                                "entry", AttributeValue.fromS(ORDER_PREFIX + credit.orderId()),
                                "points", AttributeValue.fromN(Long.toString(credit.points())),
                                "orderId", AttributeValue.fromS(credit.orderId()),
                                "createdAt",
                                        AttributeValue.fromS(
                                                credit.orderCreatedAt().toString())))
                        .conditionExpression("attribute_not_exists(customerId)")
                        .build())
                .build();
    }

    private TransactWriteItem balanceUpdate(OrderCredit credit, Instant now) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(Map.of(
                                "customerId", AttributeValue.fromS(credit.customerId()),
                                "entry", AttributeValue.fromS(BALANCE)))
                        .updateExpression("ADD #points :points SET #updatedAt = :now")
                        .expressionAttributeNames(Map.of("#points", "points", "#updatedAt", "updatedAt"))
                        .expressionAttributeValues(Map.of(
                                ":points", AttributeValue.fromN(Long.toString(credit.points())),
                                ":now", AttributeValue.fromS(now.toString())))
                        .build())
                .build();
    }
}
