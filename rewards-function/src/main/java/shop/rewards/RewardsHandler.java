package shop.rewards;

import java.util.Map;
import shop.subscriber.Subscriber;
import shop.subscriber.SubscriberHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Lambda entry point: credits the points of each OrderCreated event the rewards rule routes here (members only). */
public final class RewardsHandler extends SubscriberHandler {

    /** Environment variable naming RewardsTable, as declared in template.yaml. */
    public static final String REWARDS_TABLE = "REWARDS_TABLE";

    /** The subscriber as the skeleton runs it: name, log event, contract, and its wiring from the environment. */
    public static final Subscriber SUBSCRIBER = new Subscriber(
            "RewardsFunction",
            "points.credited",
            "/contract/rewards-function/order-created.json",
            wiring -> new Rewards(
                    new DynamoRewardsLedger(wiring.client(DynamoDbClient.builder()), wiring.require(REWARDS_TABLE)),
                    wiring.clock())::credit);

    public RewardsHandler() {
        this(System.getenv());
    }

    /**
     * Builds the real DynamoDB client from {@code environment} (AWS_REGION, credentials, optional AWS_ENDPOINT_URL).
     */
    public RewardsHandler(Map<String, String> environment) {
        super(SUBSCRIBER.start(environment));
    }
}
