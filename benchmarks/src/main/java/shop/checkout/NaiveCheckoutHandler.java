package shop.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import shop.checkout.gateway.HttpApiRequest;
import shop.checkout.gateway.HttpApiResponse;
import shop.checkout.publishing.EventBridgeOrderEvents;
import shop.checkout.publishing.RetryPolicy;
import shop.checkout.publishing.Sleeper;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The cold-start baseline for {@code CheckoutFunction}: the very same {@link CheckoutHandler} and {@link Checkout},
 * wired the way a first Lambda usually is - the SDK client from the default builder (HTTP client found on the class
 * path, region and credentials from the default provider chains) and a default {@link ObjectMapper} with module
 * discovery held for later. It also takes the event as aws-lambda-java-events' types through the runtime's own
 * serializers, as a first function usually does (the real handler streams its own records instead), and hands the same
 * fields to the real handler's typed core.
 */
public final class NaiveCheckoutHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @SuppressWarnings("unused")
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private final CheckoutHandler handler = new CheckoutHandler(new Checkout(
            new EventBridgeOrderEvents(
                    EventBridgeClient.create(),
                    System.getenv("EVENT_BUS_NAME"),
                    RetryPolicy.STANDARD,
                    Sleeper.THREAD,
                    Math::random),
            Clock.systemUTC()));

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        var jwt = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(token -> new HttpApiRequest.Jwt(Map.<String, Object>copyOf(token.getClaims())))
                .orElse(null);
        var requestContext = event.getRequestContext() == null
                ? null
                : new HttpApiRequest.RequestContext(
                        event.getRequestContext().getRequestId(),
                        jwt == null ? null : new HttpApiRequest.Authorizer(jwt));
        HttpApiResponse response = handler.handle(
                new HttpApiRequest(event.getBody(), event.getIsBase64Encoded(), event.getHeaders(), requestContext),
                context);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.statusCode())
                .withHeaders(response.headers())
                .withBody(response.body())
                .build();
    }
}
