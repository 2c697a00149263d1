package shop.warehouse;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import shop.events.ConsumerContract;
import shop.events.EventJson;
import shop.events.InvalidEventException;
import shop.events.OrderCreated;
import shop.events.OrderCreatedEvent;
import shop.events.SchemaCheck;
import shop.wiring.AwsClients;
import shop.wiring.Environment;
import shop.wiring.StructuredLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Lambda entry point: records one pending shipment request per OrderCreated event delivered by the bus. */
public final class WarehouseHandler implements RequestHandler<ScheduledEvent, Void> {

    /** Name used in logs and error messages. */
    public static final String FUNCTION = "warehouse-function";
    /** Environment variable naming ShipmentsTable, as declared in template.yaml. */
    public static final String SHIPMENTS_TABLE = "SHIPMENTS_TABLE";

    private static final ConsumerContract CONTRACT = new ConsumerContract(FUNCTION, Set.of("1"),
            SchemaCheck.fromClasspath(WarehouseHandler.class, "/contract/warehouse-function/order-created.json"));

    private final ShipmentRequests shipments;

    public WarehouseHandler() {
        this(System.getenv());
    }

    /** Builds the real DynamoDB client from {@code environment} (AWS_REGION, credentials, optional AWS_ENDPOINT_URL). */
    public WarehouseHandler(Map<String, String> environment) {
        this(new Environment(FUNCTION, environment));
    }

    private WarehouseHandler(Environment env) {
        this(dynamoStore(env), Clock.systemUTC());
        WarehousePriming.register(env);
    }

    /** Tests and the reliability suite hand in their own store and clock. */
    public WarehouseHandler(ShipmentStore store, Clock clock) {
        this.shipments = new ShipmentRequests(store, clock);
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        StructuredLog log = new StructuredLog(FUNCTION, context);
        try {
            OrderCreated order = CONTRACT.read(event.getSource(), event.getDetailType(),
                    EventJson.mapper().valueToTree(event.getDetail()));
            ShipmentRequests.Outcome outcome = shipments.record(order);
            log.info("shipment.requested", "orderId", order.orderId(), "eventId", event.getId(),
                    "outcome", outcome, "duplicate", outcome.duplicate());
            return null;
        } catch (InvalidEventException poison) {
            // The order id alone, when the detail has one, ties the parked event to its order; nothing else of it is logged.
            log.warn("event.rejected", "eventId", event.getId(), "orderId", OrderCreatedEvent.orderIdIn(event.getDetail()),
                    "problems", poison.problems());
            throw poison;
        }
    }

    private static ShipmentStore dynamoStore(Environment env) {
        String table = env.require(SHIPMENTS_TABLE);
        return new DynamoShipmentStore(AwsClients.configure(DynamoDbClient.builder(), env).build(), table);
    }
}
