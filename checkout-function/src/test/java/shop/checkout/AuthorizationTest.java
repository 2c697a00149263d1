package shop.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.checkout.fakes.RecordingOrderEvents;
import shop.checkout.samples.BodyEdits;
import shop.checkout.samples.HttpApiDriver;
import shop.checkout.samples.SampleRequests;
import shop.checkout.validation.Limits;
import shop.events.EventJson;
import shop.events.OrderCreated;
import shop.testkit.CapturingContext;

/**
 * Who may order for whom: the customer id comes from the claims API Gateway's JWT authorizer verified, never from the
 * body. Without claims the answer is 401, with a body naming someone else 403, and neither publishes anything.
 */
class AuthorizationTest {

    private final RecordingOrderEvents events = RecordingOrderEvents.accepting();
    private final CapturingContext context = new CapturingContext(CheckoutHandler.FUNCTION);
    private final HttpApiDriver handler = HttpApiDriver.of(new Checkout(events, SampleRequests.CLOCK));

    /** A request that must be refused before anything is published, and the status it gets. */
    record Refusal(String name, Supplier<APIGatewayV2HTTPEvent> request, int status, String type) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal(
                        "no authorizer context (sample without token)",
                        () -> SampleRequests.load(SampleRequests.WITHOUT_TOKEN),
                        401,
                        "urn:shop:problem:unauthenticated"),
                new Refusal(
                        "claims without a sub",
                        () -> SampleRequests.withClaims(
                                SampleRequests.load(SampleRequests.NO_SIGNUP),
                                Map.of("iss", "https://id.shop.example/")),
                        401,
                        "urn:shop:problem:unauthenticated"),
                new Refusal(
                        "a blank sub",
                        () -> SampleRequests.signedInAs(SampleRequests.load(SampleRequests.NO_SIGNUP), " "),
                        401,
                        "urn:shop:problem:unauthenticated"),
                new Refusal(
                        "no claims and an oversized body: identity is checked first",
                        () -> {
                            APIGatewayV2HTTPEvent event = SampleRequests.load(SampleRequests.WITHOUT_TOKEN);
                            event.setBody("x".repeat(Limits.MAX_BODY_BYTES + 1));
                            return event;
                        },
                        401,
                        "urn:shop:problem:unauthenticated"),
                new Refusal(
                        "signed in as another customer (sample)",
                        () -> SampleRequests.load(SampleRequests.FOR_ANOTHER_CUSTOMER),
                        403,
                        "urn:shop:problem:other-customer"),
                new Refusal(
                        "the body's id differs only in case",
                        () -> SampleRequests.signedInAs(
                                SampleRequests.load(SampleRequests.REWARDS_SIGNUP), "CUST-4711"),
                        403,
                        "urn:shop:problem:other-customer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRequestWithoutTheRightCustomerIsRefusedAndPublishesNothing(Refusal refusal) {
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(refusal.request().get(), context);

        assertThat(response.getStatusCode()).isEqualTo(refusal.status());
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response.getBody());
        assertThat(problem.get("type").asText()).isEqualTo(refusal.type());
        assertThat(problem.get("status").asInt()).isEqualTo(refusal.status());
        assertThat(problem.get("detail").asText()).containsAnyOf("Authorization", "customerId");
        assertThat(events.published()).isEmpty();
        assertThat(context.logObjects())
                .singleElement()
                .satisfies(line -> assertThat(line.get("status").asInt()).isEqualTo(refusal.status()));
    }

    @Test
    void unauthenticatedAnswersSayWhichSchemeToUse() {
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(SampleRequests.load(SampleRequests.WITHOUT_TOKEN), context);

        assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
    }

    @Test
    void theForbiddenAnswerNamesTheField() {
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(SampleRequests.load(SampleRequests.FOR_ANOTHER_CUSTOMER), context);

        assertThat(json(response.getBody()).get("errors").findValuesAsText("field"))
                .containsExactly("$.customer.customerId");
    }

    @Test
    void aBodyWithoutACustomerIdOrdersForTheSignedInCustomer() {
        APIGatewayV2HTTPEvent event =
                SampleRequests.withBody(SampleRequests.REWARDS_SIGNUP, BodyEdits.remove("/customer/customerId"));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(events.published())
                .singleElement()
                .extracting(order -> order.customer().customerId())
                .isEqualTo("cust-4711");
    }

    @Test
    void theEventCarriesTheTokensCustomerId() {
        APIGatewayV2HTTPEvent event = SampleRequests.signedInAs(
                SampleRequests.withBody(SampleRequests.NO_SIGNUP, BodyEdits.remove("/customer/customerId")),
                "cust-7007");

        handler.handleRequest(event, context);

        assertThat(events.published())
                .extracting(OrderCreated::customer)
                .extracting(OrderCreated.Customer::customerId)
                .containsExactly("cust-7007");
    }

    @Test
    void aNonTextCustomerIdIsLeftForValidationToName() {
        APIGatewayV2HTTPEvent event =
                SampleRequests.withBody(SampleRequests.NO_SIGNUP, BodyEdits.set("/customer/customerId", 815));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody()).get("errors").findValuesAsText("field"))
                .contains("$.customer.customerId");
        assertThat(events.published()).isEmpty();
    }

    @Test
    void theSameKeySentBySomeoneElseGetsAnotherOrderId() {
        APIGatewayV2HTTPEvent own =
                SampleRequests.withBody(SampleRequests.WITH_IDEMPOTENCY_KEY, BodyEdits.remove("/customer/customerId"));
        APIGatewayV2HTTPEvent someoneElse = SampleRequests.signedInAs(
                SampleRequests.withBody(SampleRequests.WITH_IDEMPOTENCY_KEY, BodyEdits.remove("/customer/customerId")),
                "cust-6666");

        String first = orderId(handler.handleRequest(own, context));
        String second = orderId(handler.handleRequest(someoneElse, context));

        assertThat(second).isNotEqualTo(first);
    }

    private static String orderId(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        return json(response.getBody()).get("orderId").asText();
    }

    private static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Response body is not JSON: " + body, e);
        }
    }
}
