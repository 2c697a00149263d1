package shop.email;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.joda.time.DateTime;
import shop.events.EventJson;
import shop.events.OrderCreatedEvent;
import shop.events.PrimingOrder;
import shop.wiring.AwsClients;
import shop.wiring.Environment;
import shop.wiring.priming.CannedHttpClient;
import shop.wiring.priming.PrimingContext;
import shop.wiring.priming.UnsentRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, runs the handler on {@link PrimingOrder} a few
 * times with DynamoDB and SES clients that answer without network ({@link CannedHttpClient}), so the first real event
 * after a restore finds contract check, email rendering, claim and send marshalling, signing and parsing loaded and
 * compiled. No email is sent and nothing is written. A failure fails the snapshot.
 */
public final class EmailPriming implements Resource {

    /** Enough rounds to load every class on the path; later rounds are cheap, and C1 compiles the hottest methods. */
    static final int ROUNDS = 10;

    // org.crac holds registered resources weakly; this keeps ours alive as long as the handler's class.
    private static final List<Resource> REGISTERED = new CopyOnWriteArrayList<>();

    private final Environment env;
    private final CannedHttpClient dynamo;
    private final CannedHttpClient ses;

    EmailPriming(Environment env, CannedHttpClient dynamo, CannedHttpClient ses) {
        this.env = env;
        this.dynamo = dynamo;
        this.ses = ses;
    }

    /** Registers priming for a handler built from {@code env}; a no-op on JVMs without CRaC (no SnapStart). */
    static void register(Environment env) {
        String accepted = EventJson.mapper().createObjectNode().put("MessageId", "priming").toString();
        EmailPriming priming = new EmailPriming(env, CannedHttpClient.answering("{}"), CannedHttpClient.answering(accepted));
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try (DynamoDbClient dynamoClient = AwsClients.offline(DynamoDbClient.builder(), env, dynamo).build();
             SesV2Client sesClient = AwsClients.offline(SesV2Client.builder(), env, ses).build()) {
            EmailHandler handler = new EmailHandler(
                    new DynamoConfirmationLedger(dynamoClient, env.require(EmailHandler.CONFIRMATIONS_TABLE)),
                    new SesMailer(sesClient, env.require(EmailHandler.SENDER_ADDRESS)), Clock.systemUTC());
            ScheduledEvent event = new ScheduledEvent().withId("priming").withSource(OrderCreatedEvent.SOURCE)
                    .withDetailType(OrderCreatedEvent.DETAIL_TYPE).withDetail(PrimingOrder.detail())
                    // Parsing the time loads the date classes the runtime needs to read a real envelope.
                    .withTime(DateTime.parse(PrimingOrder.order().createdAt().toString()));
            for (int round = 0; round < ROUNDS; round++) {
                handler.handleRequest(event, new PrimingContext(EmailHandler.FUNCTION));
            }
            UnsentRequest.prepare(URI.create("https://email." + env.require("AWS_REGION") + ".amazonaws.com/"));
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the real clients opened no connection before the snapshot and read credentials per call.
    }
}
