package shop.warehouse;

import java.util.Map;
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
            wiring -> new ShipmentRequests(
                    new DynamoShipmentStore(wiring.client(DynamoDbClient.builder()), wiring.require(SHIPMENTS_TABLE)),
                    wiring.clock())::record);

    public WarehouseHandler() {
        this(System.getenv());
    }

    /**
     * Builds the real DynamoDB client from {@code environment} (AWS_REGION, credentials, optional AWS_ENDPOINT_URL).
     */
    public WarehouseHandler(Map<String, String> environment) {
        super(SUBSCRIBER.start(environment));
    }
}
