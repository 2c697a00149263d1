package shop.warehouse;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** A DynamoDB client that keeps every PutItem request and answers with a set failure, or success. */
final class FakeDynamoDb implements DynamoDbClient {

    final List<PutItemRequest> puts = new ArrayList<>();
    private RuntimeException failure;

    /** Makes every following call throw {@code failure}, as the service would. */
    FakeDynamoDb failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        puts.add(request);
        if (failure != null) {
            throw failure;
        }
        return PutItemResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}
}
