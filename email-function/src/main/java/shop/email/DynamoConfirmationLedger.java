package shop.email;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * ConfirmationsTable in DynamoDB, one item per order id.
 *
 * <p>While sending: {@code {orderId, status: "SENDING", claimId, leaseExpiresAt, expiresAt}}; once sent:
 * {@code {orderId, status: "SENT", messageId, sentAt, expiresAt}}. {@code leaseExpiresAt} and {@code expiresAt} are
 * epoch seconds; {@code expiresAt} is the table's TTL attribute. Thread-safe: the SDK client is.
 */
public record DynamoConfirmationLedger(DynamoDbClient dynamo, String table) implements ConfirmationLedger {

    static final String SENDING = "SENDING";
    static final String SENT = "SENT";

    @Override
    public Claim claim(ConfirmationClaim claim) {
        try {
            PutItemResponse replaced = dynamo.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(Map.of(
                            "orderId", text(claim.orderId()),
                            "status", text(SENDING),
                            "claimId", text(claim.claimId()),
                            "leaseExpiresAt", epochSeconds(claim.leaseExpiresAt()),
                            "expiresAt", epochSeconds(claim.expiresAt())))
                    .conditionExpression(
                            "attribute_not_exists(orderId) OR (#status = :sending AND leaseExpiresAt < :now)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(
                            Map.of(":sending", text(SENDING), ":now", epochSeconds(claim.claimedAt())))
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return replaced.hasAttributes() && !replaced.attributes().isEmpty() ? Claim.TAKEN_OVER : Claim.NEW;
        } catch (ConditionalCheckFailedException taken) {
            // DynamoDB returns the item that failed the condition; an emulator may not, so then read it.
            Map<String, AttributeValue> current = taken.hasItem() ? taken.item() : currentItem(claim.orderId());
            AttributeValue status = current.get("status");
            // An item gone by now was a claim released in between: still someone else's turn, so retry later.
            return status != null && SENT.equals(status.s()) ? Claim.ALREADY_SENT : Claim.HELD;
        }
    }

    @Override
    public void markSent(String orderId, String messageId, Instant sentAt, Instant expiresAt) {
        dynamo.updateItem(UpdateItemRequest.builder()
                .tableName(table)
                .key(Map.of("orderId", text(orderId)))
                .updateExpression(
                        "SET #status = :sent, messageId = :messageId, sentAt = :sentAt, expiresAt = :expiresAt"
                                + " REMOVE claimId, leaseExpiresAt")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":sent", text(SENT),
                        ":messageId", text(messageId),
                        ":sentAt", text(sentAt.toString()),
                        ":expiresAt", epochSeconds(expiresAt)))
                .build());
    }

    @Override
    public void release(String orderId, String claimId) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder()
                    .tableName(table)
                    .key(Map.of("orderId", text(orderId)))
                    .conditionExpression("claimId = :claimId")
                    .expressionAttributeValues(Map.of(":claimId", text(claimId)))
                    .build());
        } catch (ConditionalCheckFailedException notOurs) {
            // Our lease ran out and another invocation took the claim over (or it is gone): theirs to finish.
        }
    }

    private Map<String, AttributeValue> currentItem(String orderId) {
        return dynamo.getItem(GetItemRequest.builder()
                        .tableName(table)
                        .key(Map.of("orderId", text(orderId)))
                        .consistentRead(true)
                        .build())
                .item();
    }

    private static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue epochSeconds(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }
}
