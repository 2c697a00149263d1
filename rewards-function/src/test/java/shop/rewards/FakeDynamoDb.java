package shop.rewards;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/** A DynamoDB client that keeps every TransactWriteItems request and answers with a set failure, or success. */
final class FakeDynamoDb implements DynamoDbClient {

    final List<TransactWriteItemsRequest> transactions = new ArrayList<>();
    private RuntimeException failure;

    /** Makes every following call throw {@code failure}, as the service would. */
    FakeDynamoDb failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        transactions.add(request);
        if (failure != null) {
            throw failure;
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
