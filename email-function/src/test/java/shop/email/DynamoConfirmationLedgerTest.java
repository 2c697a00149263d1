package shop.email;

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
import shop.email.ConfirmationLedger.Claim;
import shop.testkit.FakeDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class DynamoConfirmationLedgerTest {

    private static final String ORDER_ID = "85141e04-3a68-4de4-8737-67876611a13c";
    private static final Instant NOW = Instant.parse("2025-11-03T09:15:30Z");
    private static final ConfirmationClaim CLAIM =
            new ConfirmationClaim(ORDER_ID, "claim-1", NOW, NOW.plusSeconds(60), Instant.parse("2025-12-03T09:15:30Z"));
    private static final Map<String, AttributeValue> SENT_ITEM =
            Map.of("orderId", AttributeValue.fromS(ORDER_ID), "status", AttributeValue.fromS("SENT"));
    private static final Map<String, AttributeValue> SENDING_ITEM = Map.of(
            "orderId",
            AttributeValue.fromS(ORDER_ID),
            "status",
            AttributeValue.fromS("SENDING"),
            "claimId",
            AttributeValue.fromS("claim-0"),
            "leaseExpiresAt",
            AttributeValue.fromN("1762161390"));

    private final FakeDynamoDb dynamo = new FakeDynamoDb();
    private final DynamoConfirmationLedger ledger = new DynamoConfirmationLedger(dynamo, "ConfirmationsTable-test");

    @Test
    void claimsWithAPutConditionalOnNoRecordOrAnExpiredLease() {
        Claim claim = ledger.claim(CLAIM);

        assertThat(claim).isEqualTo(Claim.NEW);
        PutItemRequest put = dynamo.puts().get(0);
        assertThat(put.tableName()).isEqualTo("ConfirmationsTable-test");
        assertThat(put.item())
                .isEqualTo(Map.of(
                        "orderId", AttributeValue.fromS(ORDER_ID),
                        "status", AttributeValue.fromS("SENDING"),
                        "claimId", AttributeValue.fromS("claim-1"),
                        "leaseExpiresAt", AttributeValue.fromN("1762161390"),
                        "expiresAt", AttributeValue.fromN("1764753330")));
        assertThat(put.conditionExpression())
                .isEqualTo("attribute_not_exists(orderId) OR (#status = :sending AND leaseExpiresAt < :now)");
        assertThat(put.expressionAttributeNames()).isEqualTo(Map.of("#status", "status"));
        assertThat(put.expressionAttributeValues())
                .isEqualTo(Map.of(
                        ":sending", AttributeValue.fromS("SENDING"), ":now", AttributeValue.fromN("1762161330")));
        assertThat(put.returnValues()).isEqualTo(ReturnValue.ALL_OLD);
        assertThat(put.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    @Test
    void replacingAnExpiredClaimIsATakeover() {
        dynamo.answeringPuts(
                request -> PutItemResponse.builder().attributes(SENDING_ITEM).build());

        assertThat(ledger.claim(CLAIM)).isEqualTo(Claim.TAKEN_OVER);
    }

    static Stream<Arguments> failedConditions() {
        return Stream.of(
                arguments("returned item says SENT", SENT_ITEM, null, Claim.ALREADY_SENT),
                arguments("returned item says SENDING", SENDING_ITEM, null, Claim.HELD),
                arguments("no item returned, read says SENT", null, SENT_ITEM, Claim.ALREADY_SENT),
                arguments("no item returned, read says SENDING", null, SENDING_ITEM, Claim.HELD),
                arguments("no item returned, released since", null, Map.of(), Claim.HELD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedConditions")
    void aFailedConditionTellsSentFromHeld(
            String name, Map<String, AttributeValue> returned, Map<String, AttributeValue> read, Claim expected) {
        ConditionalCheckFailedException.Builder failure =
                ConditionalCheckFailedException.builder().message("failed");
        if (returned != null) {
            failure.item(returned);
        }
        dynamo.answeringPuts(request -> {
            throw failure.build();
        });
        dynamo.answeringGets(request -> GetItemResponse.builder().item(read).build());

        Claim claim = ledger.claim(CLAIM);

        assertThat(claim).isEqualTo(expected);
        assertThat(dynamo.requests(GetItemRequest.class))
                .hasSize(returned == null ? 1 : 0)
                .allSatisfy(get -> {
                    assertThat(get.consistentRead()).isTrue();
                    assertThat(get.key()).isEqualTo(Map.of("orderId", AttributeValue.fromS(ORDER_ID)));
                });
    }

    @Test
    void marksSentWhoeverHoldsTheClaimAndDropsTheLease() {
        ledger.markSent(ORDER_ID, "ses-message-1", NOW, Instant.parse("2025-12-03T09:15:30Z"));

        UpdateItemRequest update = dynamo.updates().get(0);
        assertThat(update.tableName()).isEqualTo("ConfirmationsTable-test");
        assertThat(update.key()).isEqualTo(Map.of("orderId", AttributeValue.fromS(ORDER_ID)));
        assertThat(update.conditionExpression()).isNull();
        assertThat(update.updateExpression())
                .isEqualTo("SET #status = :sent, messageId = :messageId, sentAt = :sentAt, expiresAt = :expiresAt"
                        + " REMOVE claimId, leaseExpiresAt");
        assertThat(update.expressionAttributeNames()).isEqualTo(Map.of("#status", "status"));
        assertThat(update.expressionAttributeValues())
                .isEqualTo(Map.of(
                        ":sent", AttributeValue.fromS("SENT"),
                        ":messageId", AttributeValue.fromS("ses-message-1"),
                        ":sentAt", AttributeValue.fromS("2025-11-03T09:15:30Z"),
                        ":expiresAt", AttributeValue.fromN("1764753330")));
    }

    @Test
    void releasesOnlyItsOwnClaim() {
        ledger.release(ORDER_ID, "claim-1");

        DeleteItemRequest delete = dynamo.requests(DeleteItemRequest.class).get(0);
        assertThat(delete.tableName()).isEqualTo("ConfirmationsTable-test");
        assertThat(delete.key()).isEqualTo(Map.of("orderId", AttributeValue.fromS(ORDER_ID)));
        assertThat(delete.conditionExpression()).isEqualTo("claimId = :claimId");
        assertThat(delete.expressionAttributeValues()).isEqualTo(Map.of(":claimId", AttributeValue.fromS("claim-1")));
    }

    @Test
    void releasingAClaimTakenOverMeanwhileLeavesItAlone() {
        dynamo.answeringDeletes(request -> {
            throw ConditionalCheckFailedException.builder().message("failed").build();
        });

        ledger.release(ORDER_ID, "claim-1");

        assertThat(dynamo.requests(DeleteItemRequest.class)).hasSize(1);
    }

    @Test
    void anyOtherFailureIsRethrown() {
        ResourceNotFoundException missingTable =
                ResourceNotFoundException.builder().message("no table").build();
        dynamo.answeringPuts(request -> {
            throw missingTable;
        });

        assertThatThrownBy(() -> ledger.claim(CLAIM)).isSameAs(missingTable);
    }
}
