package shop.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import shop.checkout.publishing.CallLimits;
import shop.checkout.publishing.EventBridgeOrderEvents;
import shop.checkout.publishing.RetryPolicy;
import shop.checkout.publishing.Sleeper;
import shop.checkout.responses.Reply;
import shop.wiring.AwsClients;
import shop.wiring.Environment;
import shop.wiring.StructuredLog;
import shop.wiring.metrics.Metrics;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Lambda entry point for {@code POST /orders} (API Gateway HTTP API, payload 2.0); all decisions live in {@link Checkout}. */
public final class CheckoutHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String FUNCTION = "CheckoutFunction";

    private final Checkout checkout;

    public CheckoutHandler() {
        this(System.getenv());
    }

    /** Reads {@code EVENT_BUS_NAME} and the AWS settings from {@code environment}; builds the client once. */
    public CheckoutHandler(Map<String, String> environment) {
        this(new Environment(FUNCTION, environment));
    }

    private CheckoutHandler(Environment env) {
        this(wire(env));
        CheckoutPriming.register(env);
    }

    public CheckoutHandler(Checkout checkout) {
        this.checkout = checkout;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Submission submission = Submission.of(event);
        Metrics metrics = new Metrics(FUNCTION, context);
        Reply reply;
        try {
            reply = checkout.place(submission, new StructuredLog(FUNCTION, context), metrics);
        } finally {
            metrics.flush();
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(reply.status())
                .withHeaders(reply.headers())
                .withBody(reply.body())
                .build();
    }

    private static Checkout wire(Environment env) {
        String busName = env.require("EVENT_BUS_NAME");
        EventBridgeClient client = AwsClients.configure(EventBridgeClient.builder(), env)
                .overrideConfiguration(CallLimits.STANDARD.overrides())
                .build();
        // Jitter needs spread between instances. Under SnapStart every instance restores the same snapshot, and with it
        // the same seed of any generator created before it; Lambda reseeds SecureRandom on restore, so it spreads.
        SecureRandom jitter = new SecureRandom();
        var events = new EventBridgeOrderEvents(client, busName, RetryPolicy.STANDARD, Sleeper.THREAD, jitter::nextDouble);
        return new Checkout(events, Clock.systemUTC());
    }
}
