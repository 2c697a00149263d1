package shop.email;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A DynamoDB client for the calls the confirmation ledger makes: it keeps every request and answers with what the
 * test set (an empty success unless told otherwise; a function may throw, as the service would).
 */
final class FakeDynamoDb implements DynamoDbClient {

    final List<PutItemRequest> puts = new ArrayList<>();
    final List<GetItemRequest> gets = new ArrayList<>();
    final List<UpdateItemRequest> updates = new ArrayList<>();
    final List<DeleteItemRequest> deletes = new ArrayList<>();

    Function<PutItemRequest, PutItemResponse> putAnswer = request -> PutItemResponse.builder().build();
    Function<GetItemRequest, GetItemResponse> getAnswer = request -> GetItemResponse.builder().build();
    Function<DeleteItemRequest, DeleteItemResponse> deleteAnswer = request -> DeleteItemResponse.builder().build();

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        puts.add(request);
        return putAnswer.apply(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        gets.add(request);
        return getAnswer.apply(request);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        updates.add(request);
        return UpdateItemResponse.builder().build();
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        deletes.add(request);
        return deleteAnswer.apply(request);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}
}
