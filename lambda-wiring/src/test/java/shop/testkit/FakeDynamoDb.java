package shop.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The DynamoDB operations our functions call (PutItem, GetItem, UpdateItem, DeleteItem, TransactWriteItems), recorded
 * and answered in memory. Thread-safe: every call is atomic, like a single DynamoDB request.
 *
 * <p>Conditional writes keep DynamoDB's semantics for the one condition our dedupe rests on: a put conditioned on
 * {@code attribute_not_exists(key)} fails with {@link ConditionalCheckFailedException} when an item with the same key
 * was put before (in a transaction, the whole transaction is cancelled with a {@code ConditionalCheckFailed} reason at
 * that position and nothing is written). Other conditions and expressions are recorded, not evaluated: tests of them
 * script the answer ({@link #thenFail}, {@link #answeringPuts}, ...). The key is the attribute the condition names, or
 * the attributes given to {@link #withKey} for tables with a sort key.
 */
public final class FakeDynamoDb implements DynamoDbClient {

    private static final Pattern NOT_EXISTS = Pattern.compile("^attribute_not_exists\\((\\w+)\\)$");

    private final List<Object> requests = new ArrayList<>();
    private final Deque<RuntimeException> script = new ArrayDeque<>();
    private final Set<String> stored = new HashSet<>();
    private final Map<String, List<String>> keys = new HashMap<>();
    // Null: puts follow the conditional-write semantics; set by answeringPuts.
    private Function<PutItemRequest, PutItemResponse> putAnswer;
    private Function<GetItemRequest, GetItemResponse> getAnswer =
            request -> GetItemResponse.builder().build();
    private Function<DeleteItemRequest, DeleteItemResponse> deleteAnswer =
            request -> DeleteItemResponse.builder().build();
    private RuntimeException always;

    /**
     * A cancelled transaction as DynamoDB reports it, with one reason code per action ({@code None},
     * {@code ConditionalCheckFailed}, {@code TransactionConflict} ...); none given, a cancellation without reasons.
     */
    public static TransactionCanceledException cancelled(String... reasons) {
        return TransactionCanceledException.builder()
                .message("Transaction cancelled, please refer cancellation reasons for specific reasons "
                        + List.of(reasons))
                .cancellationReasons(Stream.of(reasons)
                        .map(code -> CancellationReason.builder().code(code).build())
                        .toList())
                .build();
    }

    /** Declares the key attributes of {@code table}, for conditional puts on a table with a sort key. */
    public synchronized FakeDynamoDb withKey(String table, String... attributes) {
        keys.put(table, List.of(attributes));
        return this;
    }

    /** The next call throws {@code failure}, as the service would; calls after it go on as scripted. */
    public synchronized FakeDynamoDb thenFail(RuntimeException failure) {
        script.add(failure);
        return this;
    }

    /** The next call succeeds (as the fake decides), for scripts of failures and successes in turn. */
    public synchronized FakeDynamoDb thenSucceed() {
        script.add(new Succeed());
        return this;
    }

    /** Every call from now on throws {@code failure}. */
    public synchronized FakeDynamoDb failingWith(RuntimeException failure) {
        always = failure;
        return this;
    }

    /** PutItem answers with {@code answer} (which may throw) instead of the conditional-write semantics. */
    public synchronized FakeDynamoDb answeringPuts(Function<PutItemRequest, PutItemResponse> answer) {
        putAnswer = answer;
        stored.clear();
        return this;
    }

    /** GetItem answers with {@code answer} (which may throw); an empty item by default. */
    public synchronized FakeDynamoDb answeringGets(Function<GetItemRequest, GetItemResponse> answer) {
        getAnswer = answer;
        return this;
    }

    /** DeleteItem answers with {@code answer} (which may throw); success by default. */
    public synchronized FakeDynamoDb answeringDeletes(Function<DeleteItemRequest, DeleteItemResponse> answer) {
        deleteAnswer = answer;
        return this;
    }

    /** Every request so far of type {@code type}, oldest first. */
    public synchronized <R> List<R> requests(Class<R> type) {
        return requests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Every PutItem request so far. */
    public List<PutItemRequest> puts() {
        return requests(PutItemRequest.class);
    }

    /** Every UpdateItem request so far. */
    public List<UpdateItemRequest> updates() {
        return requests(UpdateItemRequest.class);
    }

    /** Every TransactWriteItems request so far. */
    public List<TransactWriteItemsRequest> transactions() {
        return requests(TransactWriteItemsRequest.class);
    }

    @Override
    public synchronized PutItemResponse putItem(PutItemRequest request) {
        record(request);
        if (putAnswer != null) {
            return putAnswer.apply(request);
        }
        String key = conditionalKey(request.tableName(), request.item(), request.conditionExpression());
        if (key != null && stored.contains(key)) {
            throw ConditionalCheckFailedException.builder()
                    .message("The conditional request failed")
                    .build();
        }
        if (key != null) {
            stored.add(key);
        }
        return PutItemResponse.builder().build();
    }

    @Override
    public synchronized GetItemResponse getItem(GetItemRequest request) {
        record(request);
        return getAnswer.apply(request);
    }

    @Override
    public synchronized UpdateItemResponse updateItem(UpdateItemRequest request) {
        record(request);
        return UpdateItemResponse.builder().build();
    }

    @Override
    public synchronized DeleteItemResponse deleteItem(DeleteItemRequest request) {
        record(request);
        return deleteAnswer.apply(request);
    }

    @Override
    public synchronized TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        record(request);
        List<String> newKeys = new ArrayList<>();
        List<CancellationReason> reasons = new ArrayList<>();
        boolean cancelled = false;
        for (TransactWriteItem action : request.transactItems()) {
            Put put = action.put();
            String key = put == null ? null : conditionalKey(put.tableName(), put.item(), put.conditionExpression());
            boolean fails = key != null && (stored.contains(key) || newKeys.contains(key));
            cancelled |= fails;
            reasons.add(CancellationReason.builder()
                    .code(fails ? "ConditionalCheckFailed" : "None")
                    .build());
            if (key != null) {
                newKeys.add(key);
            }
        }
        if (cancelled) {
            throw TransactionCanceledException.builder()
                    .cancellationReasons(reasons)
                    .message("Transaction cancelled, please refer cancellation reasons for specific reasons")
                    .build();
        }
        stored.addAll(newKeys);
        return TransactWriteItemsResponse.builder().build();
    }

    /** Keeps {@code request}, then answers it as scripted: a set failure throws, as the service would. */
    private void record(Object request) {
        requests.add(request);
        failIfScripted();
    }

    private void failIfScripted() {
        if (always != null) {
            throw always;
        }
        RuntimeException next = script.poll();
        if (next != null && !(next instanceof Succeed)) {
            throw next;
        }
    }

    private String conditionalKey(String table, Map<String, AttributeValue> item, String condition) {
        Matcher notExists = condition == null ? null : NOT_EXISTS.matcher(condition.trim());
        if (notExists == null || !notExists.matches()) {
            return null;
        }
        StringBuilder key = new StringBuilder(table);
        for (String attribute : keys.getOrDefault(table, List.of(notExists.group(1)))) {
            key.append('|').append(attribute).append('=').append(item.get(attribute));
        }
        return key.toString();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}

    /** A scripted success, kept apart from real failures in the script. */
    private static final class Succeed extends RuntimeException {
        Succeed() {
            super(null, null, false, false);
        }
    }
}
