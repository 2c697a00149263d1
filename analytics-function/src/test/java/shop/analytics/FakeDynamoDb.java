package shop.analytics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/** A DynamoDB client that keeps every TransactWriteItems request and answers each with the next scripted outcome. */
final class FakeDynamoDb implements DynamoDbClient {

    final List<TransactWriteItemsRequest> transactions = new ArrayList<>();
    private final Deque<Optional<RuntimeException>> outcomes = new ArrayDeque<>();

    /** The next call throws {@code failure}, as the service would; calls beyond the script succeed. */
    FakeDynamoDb thenFail(RuntimeException failure) {
        outcomes.add(Optional.of(failure));
        return this;
    }

    /** The next call succeeds. */
    FakeDynamoDb thenSucceed() {
        outcomes.add(Optional.empty());
        return this;
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        transactions.add(request);
        Optional<RuntimeException> outcome = outcomes.isEmpty() ? Optional.empty() : outcomes.poll();
        if (outcome.isPresent()) {
            throw outcome.get();
        }
        return TransactWriteItemsResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}
}
