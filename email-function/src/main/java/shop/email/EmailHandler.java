package shop.email;

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
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Lambda entry point: sends one confirmation email per OrderCreated event delivered by the bus. */
public final class EmailHandler implements RequestHandler<ScheduledEvent, Void> {

    /** Name used in logs and error messages. */
    public static final String FUNCTION = "email-function";
    /** Environment variable holding the verified SES identity confirmations are sent from. */
    public static final String SENDER_ADDRESS = "SENDER_ADDRESS";
    /** Environment variable naming ConfirmationsTable, as declared in template.yaml. */
    public static final String CONFIRMATIONS_TABLE = "CONFIRMATIONS_TABLE";

    private static final ConsumerContract CONTRACT = new ConsumerContract(FUNCTION, Set.of("1"),
            SchemaCheck.fromClasspath(EmailHandler.class, "/contract/email-function/order-created.json"));

    private final Confirmations confirmations;

    public EmailHandler() {
        this(System.getenv());
    }

    /** Builds the real DynamoDB and SES clients from {@code environment} (AWS_REGION, credentials, AWS_ENDPOINT_URL). */
    public EmailHandler(Map<String, String> environment) {
        this(new Environment(FUNCTION, environment));
    }

    private EmailHandler(Environment env) {
        this(dynamoLedger(env), sesMailer(env), Clock.systemUTC());
        EmailPriming.register(env);
    }

    /** Tests and the reliability suite hand in their own ledger, mailer and clock. */
    public EmailHandler(ConfirmationLedger ledger, Mailer mailer, Clock clock) {
        this.confirmations = new Confirmations(ledger, mailer, clock);
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        StructuredLog log = new StructuredLog(FUNCTION, context);
        try {
            OrderCreated order = CONTRACT.read(event.getSource(), event.getDetailType(),
                    EventJson.mapper().valueToTree(event.getDetail()));
            Confirmations.Outcome outcome = confirmations.confirm(order);
            log.info("confirmation.handled", "orderId", order.orderId(), "eventId", event.getId(),
                    "outcome", outcome, "duplicate", outcome.duplicate());
            return null;
        } catch (InvalidEventException poison) {
            // The order id alone, when the detail has one, ties the parked event to its order; nothing else of it is logged.
            log.warn("event.rejected", "eventId", event.getId(), "orderId", OrderCreatedEvent.orderIdIn(event.getDetail()),
                    "problems", poison.problems());
            throw poison;
        } catch (ConfirmationInProgressException inFlight) {
            log.warn("confirmation.in-progress", "orderId", inFlight.orderId(), "eventId", event.getId(),
                    "duplicate", true);
            throw inFlight;
        }
    }

    private static ConfirmationLedger dynamoLedger(Environment env) {
        String table = env.require(CONFIRMATIONS_TABLE);
        return new DynamoConfirmationLedger(AwsClients.configure(DynamoDbClient.builder(), env).build(), table);
    }

    private static Mailer sesMailer(Environment env) {
        String sender = env.require(SENDER_ADDRESS);
        return new SesMailer(AwsClients.configure(SesV2Client.builder(), env).build(), sender);
    }
}
