package shop.email;

import java.util.Map;
import shop.subscriber.Subscriber;
import shop.subscriber.SubscriberHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Lambda entry point: sends one confirmation email per OrderCreated event delivered by the bus. */
public final class EmailHandler extends SubscriberHandler {

    /** Environment variable holding the verified SES identity confirmations are sent from. */
    public static final String SENDER_ADDRESS = "SENDER_ADDRESS";
    /** Environment variable naming ConfirmationsTable, as declared in template.yaml. */
    public static final String CONFIRMATIONS_TABLE = "CONFIRMATIONS_TABLE";

    /** The subscriber as the skeleton runs it: name, log event, contract, and its wiring from the environment. */
    public static final Subscriber SUBSCRIBER = new Subscriber(
            "EmailFunction",
            "confirmation.handled",
            "/contract/email-function/order-created.json",
            wiring -> new Confirmations(
                    new DynamoConfirmationLedger(
                            wiring.client(DynamoDbClient.builder()), wiring.require(CONFIRMATIONS_TABLE)),
                    new SesMailer(wiring.client(SesV2Client.builder()), wiring.require(SENDER_ADDRESS)),
                    wiring.clock())::confirm);

    public EmailHandler() {
        this(System.getenv());
    }

    /**
     * Builds the real DynamoDB and SES clients from {@code environment} (AWS_REGION, credentials, AWS_ENDPOINT_URL).
     */
    public EmailHandler(Map<String, String> environment) {
        super(SUBSCRIBER.start(environment));
    }
}
