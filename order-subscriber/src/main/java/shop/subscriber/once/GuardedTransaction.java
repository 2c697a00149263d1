package shop.subscriber.once;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A DynamoDB transaction applied at most once: its first action is the guard, a put conditional on its item being new,
 * so a redelivered order cancels the whole transaction and nothing else moves. Thread-safe: the SDK client is.
 */
public record GuardedTransaction(DynamoDbClient dynamo) {

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    /**
     * Writes {@code actions} in one transaction, the guard first; answers false when the guard's item existed (nothing
     * written). Any other cancellation (a conflicting transaction, throttling, a failure on a later action) is not a
     * duplicate and is rethrown, for Lambda to retry.
     */
    public boolean writeOnce(List<TransactWriteItem> actions) {
        try {
            dynamo.transactWriteItems(
                    TransactWriteItemsRequest.builder().transactItems(actions).build());
            return true;
        } catch (TransactionCanceledException cancelled) {
            // Reasons come in the order of the actions: the first is the guard's.
            List<CancellationReason> reasons =
                    cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
            if (!reasons.isEmpty()
                    && CONDITIONAL_CHECK_FAILED.equals(reasons.get(0).code())) {
                return false;
            }
            throw cancelled;
        }
    }
}
