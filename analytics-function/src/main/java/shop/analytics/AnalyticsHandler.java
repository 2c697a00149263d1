package shop.analytics;

import java.util.Map;
import shop.subscriber.Subscriber;
import shop.subscriber.SubscriberHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Lambda entry point: adds each OrderCreated event's sales to the per-SKU counters, once per order. */
public final class AnalyticsHandler extends SubscriberHandler {

    /** Environment variable naming SalesTable, as declared in template.yaml. */
    public static final String SALES_TABLE = "SALES_TABLE";

    /** The subscriber as the skeleton runs it: name, log event, contract, and its wiring from the environment. */
    public static final Subscriber SUBSCRIBER = new Subscriber(
            "AnalyticsFunction",
            "sales.recorded",
            "/contract/analytics-function/order-created.json",
            wiring -> new SalesTally(
                    new DynamoSalesLedger(wiring.client(DynamoDbClient.builder()), wiring.require(SALES_TABLE)),
                    wiring.clock())::record);

    public AnalyticsHandler() {
        this(System.getenv());
    }

    /**
     * Builds the real DynamoDB client from {@code environment} (AWS_REGION, credentials, optional AWS_ENDPOINT_URL).
     */
    public AnalyticsHandler(Map<String, String> environment) {
        super(SUBSCRIBER.start(environment));
    }
}
