package shop.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import shop.wiring.AwsClients;
import shop.wiring.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The suite's connection to the emulator: the probed endpoint, the environment every client and handler gets (region,
 * dummy credentials, endpoint), and the harness's own SDK clients, built the same way the handlers build theirs.
 * Thread-safe: the SDK clients are.
 */
public final class EmulatorSession implements AutoCloseable {

    /** Region when the process names none; any region works on both emulators. */
    static final String DEFAULT_REGION = "us-east-1";

    private final EmulatorEndpoint endpoint;
    private final Map<String, String> awsEnvironment;
    private final EventBridgeClient events;
    private final SqsClient sqs;
    private final DynamoDbClient dynamo;
    private final SesV2Client ses;

    private EmulatorSession(EmulatorEndpoint endpoint, String region) {
        this.endpoint = endpoint;
        OneRequestAtATime.enableFor(endpoint.emulator());
        Map<String, String> aws = new LinkedHashMap<>();
        aws.put("AWS_REGION", region);
        // Emulators accept any keys; these are LocalStack's documented defaults and obviously not real ones.
        aws.put("AWS_ACCESS_KEY_ID", "test");
        aws.put("AWS_SECRET_ACCESS_KEY", "test");
        aws.put(AwsClients.ENDPOINT_VARIABLE, endpoint.url());
        this.awsEnvironment = Map.copyOf(aws);
        Environment env = new Environment("emulator-tests", awsEnvironment);
        this.events = AwsClients.configure(EventBridgeClient.builder(), env).build();
        this.sqs = AwsClients.configure(SqsClient.builder(), env).build();
        this.dynamo = AwsClients.configure(DynamoDbClient.builder(), env).build();
        this.ses = AwsClients.configure(SesV2Client.builder(), env).build();
    }

    /** Probes the emulator named by this process's {@code AWS_ENDPOINT_URL} (failing, naming it, if none answers). */
    public static EmulatorSession open() {
        Map<String, String> process = System.getenv();
        String region = process.getOrDefault("AWS_REGION", "");
        return new EmulatorSession(
                EmulatorEndpoint.fromEnvironment(process), region.isBlank() ? DEFAULT_REGION : region);
    }

    public EmulatorEndpoint endpoint() {
        return endpoint;
    }

    public String region() {
        return awsEnvironment.get("AWS_REGION");
    }

    /**
     * AWS_REGION, dummy credentials and AWS_ENDPOINT_URL: what a handler's environment holds besides the template's.
     */
    public Map<String, String> awsEnvironment() {
        return awsEnvironment;
    }

    public EventBridgeClient events() {
        return events;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public SesV2Client ses() {
        return ses;
    }

    /** Reads back what SES sent, the way this emulator exposes it. */
    public SentEmails sentEmails() {
        return SentEmails.of(endpoint);
    }

    @Override
    public void close() {
        events.close();
        sqs.close();
        dynamo.close();
        ses.close();
    }
}
