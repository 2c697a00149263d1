package shop.subscriber;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import shop.events.EventJson;
import shop.events.OrderCreatedEvent;
import shop.events.PrimingOrder;
import shop.wiring.priming.CannedHttpClient;
import shop.wiring.priming.PrimingContext;
import shop.wiring.priming.UnsentRequest;

/**
 * SnapStart priming for every subscriber: before Lambda snapshots the initialised function, runs its handler on
 * {@link PrimingOrder} a few times with clients that answer without network ({@link CannedHttpClient}), so the first
 * real event after a restore finds envelope reading, contract check, domain code, marshalling, signing and parsing
 * loaded and compiled. Nothing is written anywhere. A failure fails the snapshot, so a broken function never gets a
 * published version.
 */
final class SubscriberPriming implements Resource {

    // One answer every service's parser accepts: DynamoDB ignores the field, SES reads its message id from it.
    static final String CANNED_ANSWER = "{\"MessageId\":\"priming\"}";

    // org.crac holds registered resources weakly; this keeps ours alive as long as the skeleton's class.
    private static final List<Resource> REGISTERED = new CopyOnWriteArrayList<>();

    private final Subscriber subscriber;
    private final Map<String, String> environment;

    private SubscriberPriming(Subscriber subscriber, Map<String, String> environment) {
        this.subscriber = subscriber;
        this.environment = environment;
    }

    /** Registers priming for a handler built from {@code environment}; a no-op on JVMs without CRaC (no SnapStart). */
    static void register(Subscriber subscriber, Map<String, String> environment) {
        SubscriberPriming priming = new SubscriberPriming(subscriber, Map.copyOf(environment));
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    /** Delivers the priming order {@link Subscriber#PRIMING_ROUNDS} times, then prepares the HTTP and TLS path. */
    static void run(DeliveryHandler handler, String function) {
        byte[] event = primingEnvelope();
        for (int round = 0; round < Subscriber.PRIMING_ROUNDS; round++) {
            handler.handle(new ByteArrayInputStream(event), new PrimingContext(function));
        }
        // Only classes and the TLS context are prepared; no connection is opened, so the host does not matter.
        UnsentRequest.prepare(URI.create("https://lambda.us-east-1.amazonaws.com/"));
    }

    private static byte[] primingEnvelope() {
        ObjectNode envelope = EventJson.mapper()
                .createObjectNode()
                .put("version", "0")
                .put("id", "priming")
                .put("detail-type", OrderCreatedEvent.DETAIL_TYPE)
                .put("source", OrderCreatedEvent.SOURCE)
                .put("time", PrimingOrder.order().createdAt().toString());
        envelope.set("detail", EventJson.toTree(PrimingOrder.order()));
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        subscriber.prime(environment, CannedHttpClient.answering(CANNED_ANSWER));
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the real clients opened no connection before the snapshot and read credentials per call.
    }
}
