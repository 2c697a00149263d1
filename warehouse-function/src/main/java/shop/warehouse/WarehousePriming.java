package shop.warehouse;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.joda.time.DateTime;
import shop.events.OrderCreatedEvent;
import shop.events.PrimingOrder;
import shop.wiring.AwsClients;
import shop.wiring.Environment;
import shop.wiring.priming.CannedHttpClient;
import shop.wiring.priming.PrimingContext;
import shop.wiring.priming.UnsentRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, runs the handler on {@link PrimingOrder} a few
 * times with a DynamoDB client that answers without network ({@link CannedHttpClient}), so the first real event after
 * a restore finds contract check, mapping, request marshalling, signing and parsing loaded and compiled. Nothing is
 * written anywhere. A failure fails the snapshot, so a broken function never gets a published version.
 */
public final class WarehousePriming implements Resource {

    /** Enough rounds to load every class on the path; later rounds are cheap, and C1 compiles the hottest methods. */
    static final int ROUNDS = 10;

    // org.crac holds registered resources weakly; this keeps ours alive as long as the handler's class.
    private static final List<Resource> REGISTERED = new CopyOnWriteArrayList<>();

    private final Environment env;
    private final CannedHttpClient dynamo;

    WarehousePriming(Environment env, CannedHttpClient dynamo) {
        this.env = env;
        this.dynamo = dynamo;
    }

    /** Registers priming for a handler built from {@code env}; a no-op on JVMs without CRaC (no SnapStart). */
    static void register(Environment env) {
        WarehousePriming priming = new WarehousePriming(env, CannedHttpClient.answering("{}"));
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try (DynamoDbClient client = AwsClients.offline(DynamoDbClient.builder(), env, dynamo).build()) {
            WarehouseHandler handler = new WarehouseHandler(
                    new DynamoShipmentStore(client, env.require(WarehouseHandler.SHIPMENTS_TABLE)), Clock.systemUTC());
            ScheduledEvent event = new ScheduledEvent().withId("priming").withSource(OrderCreatedEvent.SOURCE)
                    .withDetailType(OrderCreatedEvent.DETAIL_TYPE).withDetail(PrimingOrder.detail())
                    // Parsing the time loads the date classes the runtime needs to read a real envelope.
                    .withTime(DateTime.parse(PrimingOrder.order().createdAt().toString()));
            for (int round = 0; round < ROUNDS; round++) {
                handler.handleRequest(event, new PrimingContext(WarehouseHandler.FUNCTION));
            }
            UnsentRequest.prepare(URI.create("https://dynamodb." + env.require("AWS_REGION") + ".amazonaws.com/"));
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the real client opened no connection before the snapshot and reads credentials per call.
    }
}
