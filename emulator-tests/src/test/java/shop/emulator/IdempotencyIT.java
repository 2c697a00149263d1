package shop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.email.ConfirmationInProgressException;
import shop.events.EventJson;
import shop.events.OrderCreated;
import shop.rewards.EarningRule;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * EventBridge delivers at least once, so each subscriber must turn the same event, delivered twice or several times at
 * once, into one effect. Here that rests on the emulator's real conditional writes, not on a fake.
 */
@ExtendWith(SdkCallReport.class)
class IdempotencyIT {

    @RegisterExtension
    static final EmulatorStack EMULATOR = new EmulatorStack();

    private static final Duration BOUND = Duration.ofSeconds(15);
    /** As many as Lambda might run at once for one event redelivered in a burst; enough to collide, few for 2 cores. */
    private static final int CONCURRENT_DELIVERIES = 6;

    static List<Subscriber> subscribers() {
        return Subscriber.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subscribers")
    void sameEventDeliveredTwiceIsHandledOnce(Subscriber subscriber) {
        // Arrange
        JsonNode envelope = routedNewOrder(subscriber);
        RequestStreamHandler handler = subscriber.coldStart(EMULATOR.stack());

        // Act
        subscriber.deliver(handler, envelope);
        subscriber.deliver(handler, envelope);

        // Assert
        assertHandledOnce(subscriber, envelope);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subscribers")
    void sameEventDeliveredConcurrentlyIsHandledOnce(Subscriber subscriber) throws Exception {
        // Arrange: one execution environment per concurrent delivery, as Lambda would scale out.
        JsonNode envelope = routedNewOrder(subscriber);
        List<RequestStreamHandler> handlers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_DELIVERIES; i++) {
            handlers.add(subscriber.coldStart(EMULATOR.stack()));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_DELIVERIES);

        // Act
        List<Future<Optional<RuntimeException>>> deliveries = new ArrayList<>();
        try {
            for (RequestStreamHandler handler : handlers) {
                deliveries.add(pool.submit(() -> {
                    start.await();
                    try {
                        subscriber.deliver(handler, envelope);
                        return Optional.<RuntimeException>empty();
                    } catch (RuntimeException failed) {
                        return Optional.of(failed);
                    }
                }));
            }
            start.countDown();
            List<RuntimeException> failed = new ArrayList<>();
            for (Future<Optional<RuntimeException>> delivery : deliveries) {
                delivery.get(BOUND.toSeconds(), TimeUnit.SECONDS).ifPresent(failed::add);
            }
            // A delivery that failed as "someone else is on it" is retried by Lambda later; do that, one by one.
            assertThat(failed)
                    .as("failures other than the subscriber's retry-later signal")
                    .allSatisfy(e ->
                            assertThat(retryLater(subscriber, e)).as("%s", e).isTrue());
            for (int retry = 0; retry < failed.size(); retry++) {
                subscriber.deliver(handlers.get(retry), envelope);
            }
        } finally {
            pool.shutdownNow();
        }

        // Assert
        assertHandledOnce(subscriber, envelope);
    }

    /** The exceptions a subscriber throws on purpose so that Lambda retries while another delivery finishes. */
    private static boolean retryLater(Subscriber subscriber, RuntimeException failure) {
        return switch (subscriber.logicalId()) {
            case "EmailFunction" -> failure instanceof ConfirmationInProgressException;
            // DynamoDB cancels a transaction that collides with another on the same item (TransactionConflict);
            // a subscriber the suite has no word about yet may do the same.
            default -> failure instanceof TransactionCanceledException;
        };
    }

    /**
     * Exactly one effective write or send, by the SDK calls that succeeded, and the state read back agrees. Of a
     * subscriber the suite knows nothing more about, every conditional write must have succeeded once: the write that
     * fails for the duplicate is its dedupe.
     */
    private static void assertHandledOnce(Subscriber subscriber, JsonNode envelope) {
        OrderCreated order = EventJson.fromTree(envelope.path("detail"));
        String orderId = order.orderId();
        switch (subscriber.logicalId()) {
            case "WarehouseFunction" -> {
                assertThat(SdkCalls.count(subscriber.logicalId(), "DynamoDb.PutItem(conditional)", "ok"))
                        .isEqualTo(1);
                assertThat(item("ShipmentsTable", Map.of("orderId", AttributeValue.fromS(orderId))))
                        .isNotEmpty();
            }
            case "RewardsFunction" -> {
                assertThat(SdkCalls.count(subscriber.logicalId(), "DynamoDb.TransactWriteItems(conditional)", "ok"))
                        .isEqualTo(1);
                String points = Long.toString(EarningRule.pointsFor(order.total()));
                AttributeValue customer = AttributeValue.fromS(order.customer().customerId());
                assertThat(item(
                                        "RewardsTable",
                                        Map.of(
                                                "customerId",
                                                customer,
                                                "entry",
                                                AttributeValue.fromS("ORDER#" + orderId)))
                                .get("points")
                                .n())
                        .isEqualTo(points);
                assertThat(item(
                                        "RewardsTable",
                                        Map.of("customerId", customer, "entry", AttributeValue.fromS("BALANCE")))
                                .get("points")
                                .n())
                        .as("balance after one credit")
                        .isEqualTo(points);
            }
            case "AnalyticsFunction" -> {
                assertThat(SdkCalls.count(subscriber.logicalId(), "DynamoDb.TransactWriteItems(conditional)", "ok"))
                        .isEqualTo(1);
                item(
                        "SalesTable",
                        Map.of("pk", AttributeValue.fromS("ORDER#" + orderId), "sk", AttributeValue.fromS("PART#1")));
                for (OrderCreated.LineItem line : order.items()) {
                    Map<String, AttributeValue> counters = item(
                            "SalesTable",
                            Map.of(
                                    "pk",
                                    AttributeValue.fromS("SKU#" + line.sku()),
                                    "sk",
                                    AttributeValue.fromS(
                                            "CURRENCY#" + order.total().currency())));
                    assertThat(counters.get("units").n())
                            .as("units of %s", line.sku())
                            .isEqualTo(Integer.toString(line.quantity()));
                    assertThat(counters.get("orders").n())
                            .as("orders of %s", line.sku())
                            .isEqualTo("1");
                }
            }
            case "EmailFunction" -> {
                assertThat(SdkCalls.count(subscriber.logicalId(), "SesV2.SendEmail", "ok"))
                        .isEqualTo(1);
                assertThat(EMULATOR.session().sentEmails().from(EMULATOR.stack().senderAddress()))
                        .filteredOn(email -> email.subject().contains(orderId))
                        .hasSize(1);
                assertThat(item("ConfirmationsTable", Map.of("orderId", AttributeValue.fromS(orderId)))
                                .get("status")
                                .s())
                        .isEqualTo("SENT");
            }
            default -> {
                List<String> writes = SdkCalls.madeBy(subscriber.logicalId()).stream()
                        .filter(call -> call.endsWith("(conditional)"))
                        .distinct()
                        .toList();
                assertThat(writes)
                        .as("conditional writes of %s", subscriber)
                        .isNotEmpty()
                        .allSatisfy(write -> assertThat(SdkCalls.count(subscriber.logicalId(), write, "ok"))
                                .as("%s that succeeded", write)
                                .isEqualTo(1));
            }
        }
    }

    /**
     * A new signup order by a new customer of new products, put on the bus and taken from the subscriber's queue as
     * routed: balance and sales counters then show this order alone.
     */
    private static JsonNode routedNewOrder(Subscriber subscriber) {
        ObjectNode envelope = Samples.freshOrder("order-created-rewards-signup.json");
        ((ObjectNode) envelope.path("detail").path("customer")).put("customerId", "cust-" + UUID.randomUUID());
        envelope.path("detail")
                .path("items")
                .forEach(line -> ((ObjectNode) line).put("sku", "SKU-" + UUID.randomUUID()));
        String orderId = envelope.path("detail").path("orderId").asText();
        EMULATOR.stack().putOnBus(envelope);
        return EMULATOR.stack()
                .queueOf(subscriber.logicalId())
                .await(
                        routed -> orderId.equals(
                                routed.path("detail").path("orderId").asText()),
                        "OrderCreated for " + orderId,
                        BOUND);
    }

    private static Map<String, AttributeValue> item(String tableLogicalId, Map<String, AttributeValue> key) {
        String table = EMULATOR.stack().tableName(tableLogicalId);
        Map<String, AttributeValue> item = EMULATOR.session()
                .dynamo()
                .getItem(r -> r.tableName(table).key(key).consistentRead(true))
                .item();
        assertThat(item).as("%s item %s", tableLogicalId, key).isNotEmpty();
        return item;
    }
}
