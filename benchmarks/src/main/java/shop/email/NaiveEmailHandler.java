package shop.email;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import shop.subscriber.DeliveryHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The cold-start baseline for {@code EmailFunction}: the very same skeleton and domain as {@link EmailHandler}, wired
 * the way a first Lambda usually is - SDK clients from the default builders (HTTP client found on the class path,
 * region and credentials from the default provider chains) and a default {@link ObjectMapper} with module discovery
 * held for later.
 */
public final class NaiveEmailHandler implements RequestStreamHandler {

    @SuppressWarnings("unused")
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private final DeliveryHandler handler = EmailHandler.SUBSCRIBER.over(new Confirmations(
            new DynamoConfirmationLedger(DynamoDbClient.create(), System.getenv(EmailHandler.CONFIRMATIONS_TABLE)),
            new SesMailer(SesV2Client.create(), System.getenv(EmailHandler.SENDER_ADDRESS)),
            Clock.systemUTC())::confirm);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        handler.handleRequest(input, output, context);
    }
}
