package shop.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.checkout.samples.HttpApiDriver;
import shop.checkout.samples.SampleRequests;
import shop.testkit.CapturingContext;

/** The environment constructor, as Lambda, the local runtime and the emulator suite call it. */
class CheckoutHandlerWiringTest {

    // Dummy values: no call is made with them, and the endpoint points where nothing listens.
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "EVENT_BUS_NAME", "orders-bus-test",
            "AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "test",
            "AWS_SECRET_ACCESS_KEY", "test",
            "AWS_ENDPOINT_URL", "http://127.0.0.1:9");

    @Test
    void refusesToStartWithoutTheBusNameAndSaysWhich() {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.remove("EVENT_BUS_NAME");

        assertThatThrownBy(() -> new CheckoutHandler(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EVENT_BUS_NAME")
                .hasMessageContaining("CheckoutFunction");
    }

    @Test
    void refusesToStartWithoutARegion() {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.remove("AWS_REGION");

        assertThatThrownBy(() -> new CheckoutHandler(environment)).hasMessageContaining("AWS_REGION");
    }

    @Test
    void startsFromItsEnvironmentAndAnswersWithoutTheBusWhenTheRequestIsInvalid() {
        HttpApiDriver handler = new HttpApiDriver(new CheckoutHandler(ENVIRONMENT));

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                SampleRequests.load(SampleRequests.INVALID), new CapturingContext(CheckoutHandler.FUNCTION));

        assertThat(response.getStatusCode()).isEqualTo(400);
    }
}
