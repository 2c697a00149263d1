package shop.rewards;

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

/** Lambda entry point: credits the points of each OrderCreated event the rewards rule routes here (members only). */
public final class RewardsHandler implements RequestHandler<ScheduledEvent, Void> {

    /** Name used in logs and error messages. */
    public static final String FUNCTION = "rewards-function";
    /** Environment variable naming RewardsTable, as declared in template.yaml. */
    public static final String REWARDS_TABLE = "REWARDS_TABLE";

    private static final ConsumerContract CONTRACT = new ConsumerContract(FUNCTION, Set.of("1"),
            SchemaCheck.fromClasspath(RewardsHandler.class, "/contract/rewards-function/order-created.json"));

    private final Rewards rewards;

    public RewardsHandler() {
        this(System.getenv());
    }

    /** Builds the real DynamoDB client from {@code environment} (AWS_REGION, credentials, optional AWS_ENDPOINT_URL). */
    public RewardsHandler(Map<String, String> environment) {
        this(new Environment(FUNCTION, environment));
    }

    private RewardsHandler(Environment env) {
        this(dynamoLedger(env), Clock.systemUTC());
        RewardsPriming.register(env);
    }

    /** Tests and the reliability suite hand in their own ledger and clock. */
    public RewardsHandler(RewardsLedger ledger, Clock clock) {
        this.rewards = new Rewards(ledger, clock);
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        StructuredLog log = new StructuredLog(FUNCTION, context);
        try {
            OrderCreated order = CONTRACT.read(event.getSource(), event.getDetailType(),
                    EventJson.mapper().valueToTree(event.getDetail()));
            Rewards.Result result = rewards.credit(order);
            log.info("points.credited", "orderId", order.orderId(), "eventId", event.getId(),
                    "outcome", result.outcome(), "duplicate", result.outcome().duplicate(), "points", result.credit().points());
            return null;
        } catch (InvalidEventException poison) {
            // The order id alone, when the detail has one, ties the parked event to its order; nothing else of it is logged.
            log.warn("event.rejected", "eventId", event.getId(), "orderId", OrderCreatedEvent.orderIdIn(event.getDetail()),
                    "problems", poison.problems());
            throw poison;
        }
    }

    private static RewardsLedger dynamoLedger(Environment env) {
        String table = env.require(REWARDS_TABLE);
        return new DynamoRewardsLedger(AwsClients.configure(DynamoDbClient.builder(), env).build(), table);
    }
}
