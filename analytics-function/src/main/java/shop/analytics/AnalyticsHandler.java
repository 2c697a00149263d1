package shop.analytics;

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

/** Lambda entry point: adds each OrderCreated event's sales to the per-SKU counters, once per order. */
public final class AnalyticsHandler implements RequestHandler<ScheduledEvent, Void> {

    /** Name used in logs and error messages. */
    public static final String FUNCTION = "analytics-function";
    /** Environment variable naming SalesTable, as declared in template.yaml. */
    public static final String SALES_TABLE = "SALES_TABLE";

    private static final ConsumerContract CONTRACT = new ConsumerContract(FUNCTION, Set.of("1"),
            SchemaCheck.fromClasspath(AnalyticsHandler.class, "/contract/analytics-function/order-created.json"));

    private final SalesTally tally;

    public AnalyticsHandler() {
        this(System.getenv());
    }

    /** Builds the real DynamoDB client from {@code environment} (AWS_REGION, credentials, optional AWS_ENDPOINT_URL). */
    public AnalyticsHandler(Map<String, String> environment) {
        this(new Environment(FUNCTION, environment));
    }

    private AnalyticsHandler(Environment env) {
        this(dynamoLedger(env), Clock.systemUTC());
        AnalyticsPriming.register(env);
    }

    /** Tests and the reliability suite hand in their own ledger and clock. */
    public AnalyticsHandler(SalesLedger ledger, Clock clock) {
        this.tally = new SalesTally(ledger, clock);
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        StructuredLog log = new StructuredLog(FUNCTION, context);
        try {
            OrderCreated order = CONTRACT.read(event.getSource(), event.getDetailType(),
                    EventJson.mapper().valueToTree(event.getDetail()));
            SalesTally.Result result = tally.record(order);
            log.info("sales.recorded", "orderId", order.orderId(), "eventId", event.getId(),
                    "outcome", result.outcome(), "duplicate", result.outcome().duplicate(), "skus", result.sales().skus().size());
            return null;
        } catch (InvalidEventException poison) {
            // The order id alone, when the detail has one, ties the parked event to its order; nothing else of it is logged.
            log.warn("event.rejected", "eventId", event.getId(), "orderId", OrderCreatedEvent.orderIdIn(event.getDetail()),
                    "problems", poison.problems());
            throw poison;
        }
    }

    private static SalesLedger dynamoLedger(Environment env) {
        String table = env.require(SALES_TABLE);
        return new DynamoSalesLedger(AwsClients.configure(DynamoDbClient.builder(), env).build(), table);
    }
}
