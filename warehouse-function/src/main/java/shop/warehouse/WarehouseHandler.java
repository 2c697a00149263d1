package shop.warehouse;

import java.time.Clock;
import java.util.Map;
import shop.subscriber.Handled;
import shop.subscriber.OrderAction;
import shop.subscriber.Subscriber;
import shop.subscriber.SubscriberHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Lambda entry point: records one pending shipment request per OrderCreated event delivered by the bus. */
public final class WarehouseHandler extends SubscriberHandler {

    /** Environment variable naming ShipmentsTable, as declared in template.yaml. */
    public static final String SHIPMENTS_TABLE = "SHIPMENTS_TABLE";

    /** The subscriber as the skeleton runs it: name, log event, contract, and its wiring from the environment. */
    public static final Subscriber SUBSCRIBER = new Subscriber(
            "WarehouseFunction",
            "shipment.requested",
            "/contract/warehouse-function/order-created.json",
            wiring -> action(
                    new DynamoShipmentStore(wiring.client(DynamoDbClient.builder()), wiring.require(SHIPMENTS_TABLE)),
                    wiring.clock()));

    public WarehouseHandler() {
        this(System.getenv());
    }

    /**
     * Builds the real DynamoDB client from {@code environment} (AWS_REGION, credentials, optional AWS_ENDPOINT_URL).
     */
    public WarehouseHandler(Map<String, String> environment) {
        super(SUBSCRIBER.start(environment));
    }

    /** Tests and the reliability suite hand in their own store and clock. */
    public WarehouseHandler(ShipmentStore store, Clock clock) {
        super(SUBSCRIBER.over(action(store, clock)));
    }

    private static OrderAction action(ShipmentStore store, Clock clock) {
        ShipmentRequests shipments = new ShipmentRequests(store, clock);
        return order -> Handled.of(shipments.record(order));
    }
}
