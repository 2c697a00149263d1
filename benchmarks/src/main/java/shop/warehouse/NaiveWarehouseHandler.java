package shop.warehouse;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cold-start baseline for {@code WarehouseFunction}: the very same {@link WarehouseHandler}, wired the usual way
 * (default SDK client builder, default {@link ObjectMapper} with module discovery). In the function's package only to
 * reach the handler's package-private constructor.
 */
public final class NaiveWarehouseHandler implements RequestStreamHandler {

    @SuppressWarnings("unused")
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private final WarehouseHandler handler = new WarehouseHandler(
            new DynamoShipmentStore(DynamoDbClient.create(), System.getenv(WarehouseHandler.SHIPMENTS_TABLE)),
            Clock.systemUTC());

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        handler.handleRequest(input, output, context);
    }
}
