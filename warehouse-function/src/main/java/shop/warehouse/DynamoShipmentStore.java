package shop.warehouse;

import java.util.LinkedHashMap;
import java.util.Map;
import shop.events.OrderCreated;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * ShipmentsTable in DynamoDB: one item per order id, written with a conditional put so a redelivered order never
 * overwrites or duplicates its request.
 *
 * <p>Item: {@code orderId} (key), {@code status}, {@code recipientName}, {@code items} (list of {@code {sku, name,
 * quantity}}), {@code shippingAddress} (map; {@code line2} and {@code region} only when given), {@code orderCreatedAt}
 * and {@code recordedAt} (ISO-8601 instants). Thread-safe: the SDK client is.
 */
public record DynamoShipmentStore(DynamoDbClient dynamo, String table) implements ShipmentStore {

    @Override
    public boolean addIfAbsent(ShipmentRequest request) {
        try {
            dynamo.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(item(request))
                    .conditionExpression("attribute_not_exists(orderId)")
                    .build());
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            // The condition is the idempotency check: the order already has its request.
            return false;
        }
    }

    static Map<String, AttributeValue> item(ShipmentRequest request) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("orderId", text(request.orderId()));
        item.put("status", text(request.status()));
        item.put("recipientName", text(request.recipientName()));
        item.put(
                "items",
                AttributeValue.fromL(
                        request.items().stream().map(DynamoShipmentStore::line).toList()));
        item.put("shippingAddress", AttributeValue.fromM(address(request.shippingAddress())));
        item.put("orderCreatedAt", text(request.orderCreatedAt().toString()));
        item.put("recordedAt", text(request.recordedAt().toString()));
        return item;
    }

    private static AttributeValue line(ShipmentRequest.Item line) {
        return AttributeValue.fromM(Map.of(
                "sku", text(line.sku()),
                "name", text(line.name()),
                "quantity", AttributeValue.fromN(Integer.toString(line.quantity()))));
    }

    private static Map<String, AttributeValue> address(OrderCreated.Address address) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        map.put("line1", text(address.line1()));
        putIfPresent(map, "line2", address.line2());
        map.put("city", text(address.city()));
        putIfPresent(map, "region", address.region());
        map.put("postalCode", text(address.postalCode()));
        map.put("country", text(address.country()));
        return map;
    }

    // Optional address parts are left out rather than stored as empty strings or NULLs the warehouse would print.
    private static void putIfPresent(Map<String, AttributeValue> map, String name, String value) {
        if (value != null) {
            map.put(name, text(value));
        }
    }

    private static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }
}
