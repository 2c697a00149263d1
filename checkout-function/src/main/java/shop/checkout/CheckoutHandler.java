package shop.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import shop.checkout.gateway.HttpApiRequest;
import shop.checkout.gateway.HttpApiResponse;
import shop.checkout.publishing.CallLimits;
import shop.checkout.publishing.EventBridgeOrderEvents;
import shop.checkout.publishing.RetryPolicy;
import shop.checkout.publishing.Sleeper;
import shop.checkout.responses.Reply;
import shop.events.EventJson;
import shop.wiring.AwsClients;
import shop.wiring.Environment;
import shop.wiring.StructuredLog;
import shop.wiring.metrics.Metrics;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Lambda entry point for {@code POST /orders} (API Gateway HTTP API, payload 2.0); all decisions live in
 * {@link Checkout}. A stream handler: it reads the event and writes the response with the function's own Jackson and
 * records, so the package needs neither aws-lambda-java-events nor joda-time, and the runtime's own serializers are
 * never loaded.
 */
public final class CheckoutHandler implements RequestStreamHandler {

    static final String FUNCTION = "CheckoutFunction";

    private static final ObjectReader REQUEST = EventJson.mapper().readerFor(HttpApiRequest.class);
    // The runtime owns the output stream: writing must not close it.
    private static final ObjectWriter RESPONSE =
            EventJson.mapper().writerFor(HttpApiResponse.class).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

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

    /**
     * Reads the HTTP API event from {@code input}, places the order and writes API Gateway's response to
     * {@code output}.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpApiRequest request;
        try {
            request = REQUEST.readValue(input);
        } catch (JsonProcessingException e) {
            // Only a caller other than API Gateway can send this; Lambda reports it as the invocation's error.
            throw new IllegalArgumentException(
                    "The event is not an API Gateway HTTP API (payload 2.0) request: " + e.getOriginalMessage(), e);
        }
        if (request == null) {
            throw new IllegalArgumentException("The event is empty (JSON null), not an API Gateway HTTP API request");
        }
        RESPONSE.writeValue(output, handle(request, context));
    }

    /**
     * Places the order {@code request} carries: the typed core of {@link #handleRequest}, public for the benchmarks'
     * cold-start baseline ({@code NaiveCheckoutHandler}), which reads the event with the runtime's serializers instead.
     */
    public HttpApiResponse handle(HttpApiRequest request, Context context) {
        Submission submission = Submission.of(request);
        Metrics metrics = new Metrics(FUNCTION, context);
        Reply reply;
        try {
            reply = checkout.place(submission, new StructuredLog(FUNCTION, context), metrics);
        } finally {
            metrics.flush();
        }
        return new HttpApiResponse(reply.status(), reply.headers(), reply.body(), false);
    }

    private static Checkout wire(Environment env) {
        String busName = env.require("EVENT_BUS_NAME");
        EventBridgeClient client = AwsClients.configure(EventBridgeClient.builder(), env)
                .overrideConfiguration(CallLimits.STANDARD.overrides())
                .build();
        // Jitter needs spread between instances. Under SnapStart every instance restores the same snapshot, and with it
        // the same seed of any generator created before it; Lambda reseeds SecureRandom on restore, so it spreads.
        SecureRandom jitter = new SecureRandom();
        var events =
                new EventBridgeOrderEvents(client, busName, RetryPolicy.STANDARD, Sleeper.THREAD, jitter::nextDouble);
        return new Checkout(events, Clock.systemUTC());
    }
}
