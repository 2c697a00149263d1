package shop.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.subscriber.once.GuardedTransaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * SalesTable in DynamoDB (key {@code pk} + {@code sk}), written with {@code TransactWriteItems}, each transaction:
 *
 * <ul>
 *   <li>Put the marker {@code {pk: "ORDER#<orderId>", sk: "PART#<n>", orderId, part, parts, skus, recordedAt}} if it
 *       does not exist: the idempotency check;
 *   <li>for each SKU of the part, Update {@code {pk: "SKU#<sku>", sk: "CURRENCY#<currency>"}}: {@code ADD units,
 *       revenue, orders 1; SET sku, currency, updatedAt}.
 * </ul>
 *
 * <p>A transaction holds at most {@value #MAX_TRANSACTION_ACTIONS} actions (DynamoDB's limit since 2022; it was 25).
 * OrderCreated allows 100 items, so an order may have 100 distinct SKUs: 101 actions with its marker. Such an order is
 * split into parts of {@value #SKUS_PER_PART} SKUs (at most two parts), each with its own marker: every part is atomic
 * and counted once, and a retry after a failure between parts adds only the missing part. Parts are cut from the SKUs
 * in sorted order, so every delivery of an order splits it the same way. Markers never expire: a delivery can come back
 * from a dead-letter queue or the 30-day bus archive, and a missing marker would count it twice.
 *
 * <p>Thread-safe: the SDK client is.
 */
public record DynamoSalesLedger(DynamoDbClient dynamo, String table) implements SalesLedger {

    /** DynamoDB's limit on the actions of one TransactWriteItems call. */
    public static final int MAX_TRANSACTION_ACTIONS = 100;
    /** SKUs per transaction: one action of each is the part's marker. */
    public static final int SKUS_PER_PART = MAX_TRANSACTION_ACTIONS - 1;

    static final String ORDER_PREFIX = "ORDER#";
    static final String PART_PREFIX = "PART#";
    static final String SKU_PREFIX = "SKU#";
    static final String CURRENCY_PREFIX = "CURRENCY#";

    @Override
    public boolean recordOnce(OrderSales sales, Instant now) {
        List<List<OrderSales.SkuSale>> parts = parts(sales.skus());
        boolean added = false;
        for (int part = 1; part <= parts.size(); part++) {
            List<TransactWriteItem> actions = new ArrayList<>();
            actions.add(marker(sales, part, parts.size(), parts.get(part - 1).size(), now));
            for (OrderSales.SkuSale sale : parts.get(part - 1)) {
                actions.add(counters(sales.currency(), sale, now));
            }
            added |= new GuardedTransaction(dynamo).writeOnce(actions);
        }
        return added;
    }

    static List<List<OrderSales.SkuSale>> parts(List<OrderSales.SkuSale> skus) {
        List<List<OrderSales.SkuSale>> parts = new ArrayList<>();
        for (int from = 0; from < skus.size(); from += SKUS_PER_PART) {
            parts.add(skus.subList(from, Math.min(skus.size(), from + SKUS_PER_PART)));
        }
        return parts;
    }

    private TransactWriteItem marker(OrderSales sales, int part, int parts, int skus, Instant now) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(Map.of(
                                "pk", AttributeValue.fromS(ORDER_PREFIX + sales.orderId()),
                                "sk", AttributeValue.fromS(PART_PREFIX + part),
                                "orderId", AttributeValue.fromS(sales.orderId()),
                                "part", number(part),
                                "parts", number(parts),
                                "skus", number(skus),
                                "recordedAt", AttributeValue.fromS(now.toString())))
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
    }

    private TransactWriteItem counters(String currency, OrderSales.SkuSale sale, Instant now) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(Map.of(
                                "pk", AttributeValue.fromS(SKU_PREFIX + sale.sku()),
                                "sk", AttributeValue.fromS(CURRENCY_PREFIX + currency)))
                        .updateExpression("ADD #units :units, #revenue :revenue, #orders :one"
                                + " SET #sku = :sku, #currency = :currency, #updatedAt = :now")
                        .expressionAttributeNames(Map.of(
                                "#units",
                                "units",
                                "#revenue",
                                "revenue",
                                "#orders",
                                "orders",
                                "#sku",
                                "sku",
                                "#currency",
                                "currency",
                                "#updatedAt",
                                "updatedAt"))
                        .expressionAttributeValues(Map.of(
                                ":units", number(sale.units()),
                                ":revenue", number(sale.revenue()),
                                ":one", number(1),
                                ":sku", AttributeValue.fromS(sale.sku()),
                                ":currency", AttributeValue.fromS(currency),
                                ":now", AttributeValue.fromS(now.toString())))
                        .build())
                .build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
