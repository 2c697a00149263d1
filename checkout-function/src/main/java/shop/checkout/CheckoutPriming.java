package shop.checkout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import shop.checkout.gateway.HttpApiRequest;
import shop.checkout.gateway.HttpApiResponse;
import shop.checkout.publishing.EventBridgeOrderEvents;
import shop.checkout.publishing.RetryPolicy;
import shop.checkout.publishing.Sleeper;
import shop.events.EventJson;
import shop.events.OrderCreated;
import shop.events.PrimingOrder;
import shop.wiring.AwsClients;
import shop.wiring.Environment;
import shop.wiring.priming.CannedHttpClient;
import shop.wiring.priming.PrimingContext;
import shop.wiring.priming.UnsentRequest;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, places {@link PrimingOrder} through the handler
 * a few times with an EventBridge client that answers without network ({@link CannedHttpClient}), so the first real
 * request after a restore finds body parsing, validation, the schema check, event writing, PutEvents marshalling,
 * signing and parsing, and the response already loaded and compiled. Nothing is published. A failure, or any answer but
 * 202, fails the snapshot, so a broken function never gets a published version.
 */
public final class CheckoutPriming implements Resource {

    /** Enough rounds to load every class on the path; later rounds are cheap, and C1 compiles the hottest methods. */
    static final int ROUNDS = 10;

    // org.crac holds registered resources weakly; this keeps ours alive as long as the handler's class.
    private static final List<Resource> REGISTERED = new CopyOnWriteArrayList<>();

    private final Environment env;
    private final CannedHttpClient bus;
    // One context for every round: it counts the log and metrics lines priming formatted and dropped.
    private final PrimingContext invocation = new PrimingContext(CheckoutHandler.FUNCTION);

    CheckoutPriming(Environment env, CannedHttpClient bus) {
        this.env = env;
        this.bus = bus;
    }

    /** Registers priming for a handler built from {@code env}; a no-op on JVMs without CRaC (no SnapStart). */
    static void register(Environment env) {
        ObjectMapper json = EventJson.mapper();
        ObjectNode accepted = json.createObjectNode().put("FailedEntryCount", 0);
        accepted.putArray("Entries").addObject().put("EventId", "priming");
        CheckoutPriming priming = new CheckoutPriming(env, CannedHttpClient.answering(accepted.toString()));
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
        ObjectMapper json = EventJson.mapper();
        try (EventBridgeClient client =
                AwsClients.offline(EventBridgeClient.builder(), env, bus).build()) {
            var events = new EventBridgeOrderEvents(
                    client, env.require("EVENT_BUS_NAME"), RetryPolicy.STANDARD, Sleeper.THREAD, () -> 0.5);
            CheckoutHandler handler = new CheckoutHandler(new Checkout(events, Clock.systemUTC()));
            byte[] request = request(PrimingOrder.order());
            for (int round = 0; round < ROUNDS; round++) {
                // Through the stream entry point, as Lambda calls it, so reading and writing the JSON is primed too.
                var output = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(request), output, invocation);
                HttpApiResponse response = json.readValue(output.toByteArray(), HttpApiResponse.class);
                if (response.statusCode() != 202) {
                    throw new IllegalStateException(
                            "Priming checkout answered " + response.statusCode() + ": " + response.body());
                }
            }
            UnsentRequest.prepare(URI.create("https://events." + env.require("AWS_REGION") + ".amazonaws.com/"));
        }
    }

    /** The context priming invoked the handler with. */
    PrimingContext invocation() {
        return invocation;
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the real client opened no connection before the snapshot and reads credentials per call.
    }

    /** {@code POST /orders} for {@code order}, signed in as its customer, as API Gateway would hand it over (JSON). */
    static byte[] request(OrderCreated order) throws IOException {
        ObjectMapper json = EventJson.mapper();
        ObjectNode body = json.createObjectNode();
        body.set("customer", json.valueToTree(order.customer()));
        body.set("items", json.valueToTree(order.items()));
        body.put("currency", order.total().currency());
        body.set("shippingAddress", json.valueToTree(order.shippingAddress()));
        Map<String, Object> claims =
                Map.of(Submission.SUBJECT_CLAIM, order.customer().customerId());
        var request = new HttpApiRequest(
                body.toString(),
                false,
                Map.of("content-type", "application/json"),
                new HttpApiRequest.RequestContext(
                        "priming", new HttpApiRequest.Authorizer(new HttpApiRequest.Jwt(claims))));
        return json.writeValueAsBytes(request);
    }
}
