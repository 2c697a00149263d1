package shop.rewards;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import shop.subscriber.DeliveryHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cold-start baseline for {@code RewardsFunction}: the very same skeleton and domain as {@link RewardsHandler},
 * wired the usual way (default SDK client builder, default {@link ObjectMapper} with module discovery).
 */
public final class NaiveRewardsHandler implements RequestStreamHandler {

    @SuppressWarnings("unused")
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private final DeliveryHandler handler = RewardsHandler.SUBSCRIBER.over(new Rewards(
            new DynamoRewardsLedger(DynamoDbClient.create(), System.getenv(RewardsHandler.REWARDS_TABLE)),
            Clock.systemUTC())::credit);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        handler.handleRequest(input, output, context);
    }
}
