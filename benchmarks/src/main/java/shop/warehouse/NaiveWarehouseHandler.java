package shop.warehouse;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cold-start baseline for {@code WarehouseFunction}: the very same {@link WarehouseHandler}, wired the usual way
 * (default SDK client builder, default {@link ObjectMapper} with module discovery). In the function's package only to
 * reach the handler's package-private constructor.
 */
public final class NaiveWarehouseHandler implements RequestHandler<ScheduledEvent, Void> {

    @SuppressWarnings("unused")
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private final WarehouseHandler handler = new WarehouseHandler(
            new DynamoShipmentStore(DynamoDbClient.create(), System.getenv(WarehouseHandler.SHIPMENTS_TABLE)),
            Clock.systemUTC());

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
