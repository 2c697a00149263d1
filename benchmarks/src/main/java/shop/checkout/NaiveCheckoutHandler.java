package shop.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import shop.checkout.publishing.EventBridgeOrderEvents;
import shop.checkout.publishing.RetryPolicy;
import shop.checkout.publishing.Sleeper;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The cold-start baseline for {@code CheckoutFunction}: the very same {@link CheckoutHandler} and {@link Checkout},
 * wired the way a first Lambda usually is - the SDK client from the default builder (HTTP client found on the class
 * path, region and credentials from the default provider chains) and a default {@link ObjectMapper} with module
 * discovery held for later.
 */
public final class NaiveCheckoutHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @SuppressWarnings("unused")
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private final CheckoutHandler handler = new CheckoutHandler(new Checkout(
            new EventBridgeOrderEvents(EventBridgeClient.create(), System.getenv("EVENT_BUS_NAME"), RetryPolicy.STANDARD,
                    Sleeper.THREAD, Math::random),
            Clock.systemUTC()));

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
