package shop.api.placing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.api.client.ApiClient;
import shop.api.client.ApiException;
import shop.api.client.ApiResponse;
import shop.api.client.model.CountryCode;
import shop.api.client.model.CurrencyCode;
import shop.api.client.model.Customer;
import shop.api.client.model.FieldError;
import shop.api.client.model.GatewayMessage;
import shop.api.client.model.LineItem;
import shop.api.client.model.OrderAccepted;
import shop.api.client.model.OrderRequest;
import shop.api.client.model.Problem;
import shop.api.client.model.ShippingAddress;
import shop.api.client.orders.OrdersApi;
import shop.local.LocalRuntime;
import shop.local.api.UnsignedJwt;
import shop.template.SamTemplate;

/**
 * The client openapi-generator builds from openapi.yaml, placing orders against the whole system running locally (the
 * real template, every function, the bus): what a client team gets from the document works against what we run.
 */
class GeneratedClientIT {

    /** Bound on every wait: generous for a busy 2-core machine, never reached when things work. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private static final String CUSTOMER = "cust-4711";

    @TempDir
    static Path data;

    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static LocalRuntime runtime;

    @BeforeAll
    static void startTheSystem() {
        runtime = LocalRuntime.start(LocalRuntime.Settings.of(SamTemplate.locateConfigured())
                .port(0)
                .data(data, false)
                .parameters(Map.of("SenderAddress", "orders@shop.example"))
                .retrySpeedUp(6000)
                .console(new PrintStream(CONSOLE, true, StandardCharsets.UTF_8), false)
                .build());
    }

    @AfterAll
    static void stopTheSystem() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void anOrderIsAcceptedAndFulfilled() throws Exception {
        ApiResponse<OrderAccepted> response = orders(CUSTOMER).placeOrderWithHttpInfo(order(), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        String orderId = response.getData().getOrderId();
        assertThat(orderId).isNotBlank();
        assertThat(response.getData().getStatus()).isEqualTo(OrderAccepted.StatusEnum.ACCEPTED);
        assertThat(runtime.awaitSettled(PATIENCE))
                .as("every delivery settles within %s", PATIENCE)
                .isTrue();
        assertThat(runtime.tables().items("ShipmentsTable"))
                .anySatisfy(item ->
                        assertThat(item.path("orderId").path("S").asText()).isEqualTo(orderId));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyKeepsTheOrderId() throws Exception {
        OrdersApi orders = orders(CUSTOMER);

        OrderAccepted first = orders.placeOrder(order(), "\"client-retry-7\"");
        OrderAccepted second = orders.placeOrder(order(), "\"client-retry-7\"");

        assertThat(second.getOrderId()).isEqualTo(first.getOrderId());
    }

    @Test
    void anInvalidOrderIsRefusedWith400ListingEveryFieldError() throws Exception {
        OrderRequest order = order();
        order.getCustomer().email("pat.quill-at-example.com");
        order.getItems().get(0).quantity(0);
        order.getShippingAddress().city(" ");

        ApiException refused =
                catchThrowableOfType(ApiException.class, () -> orders(CUSTOMER).placeOrder(order, null));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).contains("application/problem+json");
        Problem problem = problem(refused);
        assertThat(problem.getType()).isEqualTo("urn:shop:problem:invalid-order");
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors())
                .extracting(FieldError::getField)
                .containsExactlyInAnyOrder("$.customer.email", "$.items[0].quantity", "$.shippingAddress.city");
        assertThat(problem.getErrors())
                .allSatisfy(error -> assertThat(error.getMessage()).isNotBlank());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        // 400 lines with 200-character names: about 100 KB, over the 64 KiB limit (and the 100-item one).
        OrderRequest order = order().items(IntStream.range(0, 400)
                .mapToObj(i -> new LineItem()
                        .sku("SKU-" + i)
                        .name("n".repeat(200))
                        .quantity(1)
                        .unitPrice(100L))
                .toList());

        ApiException refused =
                catchThrowableOfType(ApiException.class, () -> orders(CUSTOMER).placeOrder(order, null));

        assertThat(refused.getCode()).isEqualTo(413);
        Problem problem = problem(refused);
        assertThat(problem.getType()).isEqualTo("urn:shop:problem:body-too-large");
        assertThat(problem.getDetail()).contains("65536 bytes");
    }

    @Test
    void aRequestWithoutATokenIsRefusedWith401BeforeCheckout() throws Exception {
        OrdersApi anonymous = new OrdersApi(new ApiClient()
                .setHost(runtime.apiUri().getHost())
                .setPort(runtime.apiUri().getPort())
                .setScheme("http"));

        ApiException refused = catchThrowableOfType(ApiException.class, () -> anonymous.placeOrder(order(), null));

        assertThat(refused.getCode()).isEqualTo(401);
        GatewayMessage message =
                new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), GatewayMessage.class);
        assertThat(message.getMessage()).isEqualTo("Unauthorized");
    }

    /** The client as a signed-in customer uses it: the local API reads the token's claims without verifying them. */
    private static OrdersApi orders(String customerId) {
        String token = UnsignedJwt.of(JsonNodeFactory.instance
                .objectNode()
                .put("sub", customerId)
                .put("iss", "https://id.shop.example/")
                .put("aud", "checkout-web"));
        ApiClient client = new ApiClient()
                .setScheme("http")
                .setHost(runtime.apiUri().getHost())
                .setPort(runtime.apiUri().getPort())
                .setReadTimeout(PATIENCE)
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return new OrdersApi(client);
    }

    /** A valid order built with the generated model; the customer id is left out, so it is the token's. */
    private static OrderRequest order() {
        return new OrderRequest()
                .customer(new Customer()
                        .email("ines.marlowe@example.com")
                        .name("Ines Marlowe")
                        .rewardsSignup(true))
                .items(new ArrayList<>(List.of(
                        new LineItem()
                                .sku("TEA-OOLONG-100G")
                                .name("Oolong tea, 100 g")
                                .quantity(2)
                                .unitPrice(1250L),
                        new LineItem()
                                .sku("MUG-STONE-GREY")
                                .name("Stoneware mug, grey")
                                .quantity(1)
                                .unitPrice(1899L))))
                .currency(CurrencyCode.EUR)
                .shippingAddress(new ShippingAddress()
                        .line1("Lindenhof 12")
                        .city("Kleinbrunn")
                        .postalCode("80331")
                        .country(CountryCode.DE));
    }

    private static Problem problem(ApiException refused) throws JsonProcessingException {
        return new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
    }
}
