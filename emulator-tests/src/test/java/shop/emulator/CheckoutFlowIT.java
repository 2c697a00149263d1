package shop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.checkout.CheckoutHandler;
import shop.email.Confirmation;
import shop.email.ConfirmationWriter;
import shop.events.EventJson;
import shop.events.OrderCreated;
import shop.events.OrderCreated.LineItem;
import shop.rewards.EarningRule;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The whole choreography in the emulator: checkout's real EventBridge client puts the order on the bus, the emulator's
 * rules route it to the stand-in queues, and each subscriber, handed the envelope as Lambda would, writes through its
 * real DynamoDB and SES clients. Everything is read back through the emulator.
 */
@ExtendWith(SdkCallReport.class)
class CheckoutFlowIT {

    @RegisterExtension
    static final EmulatorStack EMULATOR = new EmulatorStack();

    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CheckoutHandler checkout;
    private static final Map<Subscriber, RequestStreamHandler> SUBSCRIBERS = new LinkedHashMap<>();
    private static final Subscriber EMAIL = Subscriber.named("EmailFunction");
    private static final Subscriber REWARDS = Subscriber.named("RewardsFunction");

    @BeforeAll
    static void coldStartEveryFunction() {
        checkout = new CheckoutHandler(EMULATOR.stack().environmentOf("CheckoutFunction"));
        for (Subscriber subscriber : Subscriber.all()) {
            SUBSCRIBERS.put(subscriber, subscriber.coldStart(EMULATOR.stack()));
        }
    }

    @Test
    void signupOrderIsShippedConfirmedAndCreditedThroughTheEmulator() {
        // Act
        String orderId = placeOrder("post-order-rewards-signup.json");
        Map<Subscriber, JsonNode> routed = new LinkedHashMap<>();
        for (Subscriber subscriber : Subscriber.all()) {
            routed.put(subscriber, awaitOrder(subscriber, orderId));
        }
        OrderCreated order = EventJson.fromTree(routed.get(EMAIL).path("detail"));
        Map<String, Map<String, AttributeValue>> countersBefore = salesCounters(order);
        routed.forEach((subscriber, envelope) -> subscriber.deliver(SUBSCRIBERS.get(subscriber), envelope));

        // Assert: each item and the email, read back through the emulator.
        assertThat(order.customer().rewardsSignup()).isTrue();

        Map<String, AttributeValue> shipment = item("ShipmentsTable", Map.of("orderId", AttributeValue.fromS(orderId)));
        assertThat(shipment).as("shipment request of %s", orderId).isNotEmpty();
        assertThat(shipment.get("status").s()).isEqualTo("PENDING");
        assertThat(shipment.get("items").l()).hasSize(order.items().size());

        Map<String, AttributeValue> credit = item(
                "RewardsTable",
                Map.of(
                        "customerId", AttributeValue.fromS(order.customer().customerId()),
                        "entry", AttributeValue.fromS("ORDER#" + orderId)));
        assertThat(credit).as("rewards entry of %s", orderId).isNotEmpty();
        assertThat(credit.get("points").n()).isEqualTo(Long.toString(EarningRule.pointsFor(order.total())));

        Confirmation expected = new ConfirmationWriter().write(order);
        List<SentEmail> emails = emailsAbout(orderId);
        assertThat(emails).as("confirmations of %s", orderId).hasSize(1);
        assertThat(emails.get(0).to()).containsExactly(order.customer().email());
        assertThat(emails.get(0).subject()).isEqualTo(expected.subject()).contains(orderId);
        assertThat(emails.get(0).body()).isEqualTo(expected.html());
        assertThat(item("ConfirmationsTable", Map.of("orderId", AttributeValue.fromS(orderId)))
                        .get("status")
                        .s())
                .isEqualTo("SENT");

        assertThat(item(
                        "SalesTable",
                        Map.of("pk", AttributeValue.fromS("ORDER#" + orderId), "sk", AttributeValue.fromS("PART#1"))))
                .as("sales marker of %s", orderId)
                .isNotEmpty();
        Map<String, Map<String, AttributeValue>> countersAfter = salesCounters(order);
        for (LineItem line : order.items()) {
            assertThat(number(countersAfter.get(line.sku()), "units") - number(countersBefore.get(line.sku()), "units"))
                    .as("units of %s added by %s", line.sku(), orderId)
                    .isEqualTo(line.quantity());
            assertThat(number(countersAfter.get(line.sku()), "revenue")
                            - number(countersBefore.get(line.sku()), "revenue"))
                    .as("revenue of %s added by %s", line.sku(), orderId)
                    .isEqualTo((long) line.quantity() * line.unitPrice());
        }

        assertThat(SdkCalls.madeBy("CheckoutFunction")).containsExactly("EventBridge.PutEvents");
        assertThat(SdkCalls.madeBy("AnalyticsFunction")).containsExactly("DynamoDb.TransactWriteItems(conditional)");
        assertThat(SdkCalls.madeBy("WarehouseFunction")).containsExactly("DynamoDb.PutItem(conditional)");
        assertThat(SdkCalls.madeBy("EmailFunction")).contains("DynamoDb.PutItem(conditional)", "SesV2.SendEmail");
        assertThat(SdkCalls.madeBy("RewardsFunction")).containsExactly("DynamoDb.TransactWriteItems(conditional)");
    }

    @Test
    void orderWithoutSignupIsShippedAndConfirmedButNeverReachesRewards() {
        // Arrange
        String withoutSignup = placeOrder("post-order-no-signup.json");

        // Act: a signup order placed after it is the barrier; once it reaches rewards, so would have the first.
        String withSignup = placeOrder("post-order-rewards-signup.json");
        List<JsonNode> atRewards = EMULATOR.stack()
                .queueOf(REWARDS.logicalId())
                .drainThrough(envelope -> withSignup.equals(orderIdOf(envelope)), "signup order " + withSignup, BOUND);
        for (Subscriber subscriber : Subscriber.all()) {
            if (!subscriber.equals(REWARDS)) {
                subscriber.deliver(SUBSCRIBERS.get(subscriber), awaitOrder(subscriber, withoutSignup));
            }
        }

        // Assert
        assertThat(atRewards)
                .extracting(CheckoutFlowIT::orderIdOf)
                .doesNotContain(withoutSignup)
                .contains(withSignup);
        assertThat(item("ShipmentsTable", Map.of("orderId", AttributeValue.fromS(withoutSignup))))
                .isNotEmpty();
        assertThat(emailsAbout(withoutSignup)).hasSize(1);
    }

    @Test
    void invalidOrderIsRefusedWithoutPuttingAnythingOnTheBus() {
        // Act
        APIGatewayV2HTTPResponse response = LambdaInvoke.respond(
                EmulatorStack.TEMPLATE.function("CheckoutFunction"),
                checkout,
                Samples.apiRequest("post-order-invalid.json"),
                APIGatewayV2HTTPResponse.class);

        // Assert
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(SdkCalls.madeBy("CheckoutFunction")).isEmpty();
    }

    private static String placeOrder(String sample) {
        APIGatewayV2HTTPResponse response = LambdaInvoke.respond(
                EmulatorStack.TEMPLATE.function("CheckoutFunction"),
                checkout,
                Samples.apiRequest(sample),
                APIGatewayV2HTTPResponse.class);
        assertThat(response.getStatusCode())
                .as("checkout's answer to %s: %s", sample, response.getBody())
                .isEqualTo(202);
        try {
            return JSON.readTree(response.getBody()).path("orderId").asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("checkout answered 202 with a body that is not JSON: " + response.getBody(), e);
        }
    }

    private static JsonNode awaitOrder(Subscriber subscriber, String orderId) {
        return EMULATOR.stack()
                .queueOf(subscriber.logicalId())
                .await(envelope -> orderId.equals(orderIdOf(envelope)), "OrderCreated for " + orderId, BOUND);
    }

    private static String orderIdOf(JsonNode envelope) {
        return envelope.path("detail").path("orderId").asText();
    }

    private static Map<String, AttributeValue> item(String tableLogicalId, Map<String, AttributeValue> key) {
        String table = EMULATOR.stack().tableName(tableLogicalId);
        return EMULATOR.session()
                .dynamo()
                .getItem(r -> r.tableName(table).key(key).consistentRead(true))
                .item();
    }

    /** The SKU counters an order adds to, by SKU; an empty map for a SKU not sold yet. */
    private static Map<String, Map<String, AttributeValue>> salesCounters(OrderCreated order) {
        Map<String, Map<String, AttributeValue>> counters = new HashMap<>();
        for (LineItem line : order.items()) {
            counters.put(
                    line.sku(),
                    item(
                            "SalesTable",
                            Map.of(
                                    "pk", AttributeValue.fromS("SKU#" + line.sku()),
                                    "sk",
                                            AttributeValue.fromS(
                                                    "CURRENCY#" + order.total().currency()))));
        }
        return counters;
    }

    private static long number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    private static List<SentEmail> emailsAbout(String orderId) {
        return EMULATOR.session().sentEmails().from(EMULATOR.stack().senderAddress()).stream()
                .filter(email -> email.subject().contains(orderId))
                .toList();
    }
}
