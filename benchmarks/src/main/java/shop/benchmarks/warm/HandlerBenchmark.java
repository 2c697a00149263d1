package shop.benchmarks.warm;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import shop.checkout.Checkout;
import shop.checkout.CheckoutHandler;
import shop.checkout.publishing.EventBridgeOrderEvents;
import shop.checkout.publishing.RetryPolicy;
import shop.checkout.publishing.Sleeper;
import shop.email.Confirmations;
import shop.email.DynamoConfirmationLedger;
import shop.email.EmailHandler;
import shop.email.SesMailer;
import shop.events.EventJson;
import shop.rewards.DynamoRewardsLedger;
import shop.rewards.Rewards;
import shop.rewards.RewardsHandler;
import shop.subscriber.DeliveryHandler;
import shop.template.SamTemplate;
import shop.warehouse.DynamoShipmentStore;
import shop.warehouse.ShipmentRequests;
import shop.warehouse.WarehouseHandler;
import shop.wiring.AwsClients;
import shop.wiring.Environment;
import shop.wiring.priming.CannedHttpClient;
import shop.wiring.priming.PrimingContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Warm cost of each handler's own work per event: the real handler, domain and SDK clients (marshalling, SigV4 signing,
 * response parsing), with the HTTP layer answered in memory by {@link CannedHttpClient}, so no network and no
 * stand-in's work is counted. The events are the samples from {@code events/}, read once as the Lambda runtime reads
 * them. Log lines are formatted and then dropped. Short runs: this machine has 2 cores shared with builds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"})
public class HandlerBenchmark {

    private CheckoutHandler checkout;
    private DeliveryHandler email;
    private DeliveryHandler warehouse;
    private DeliveryHandler rewards;
    private byte[] postOrder;
    private byte[] orderCreated;
    private final Context context = new PrimingContext("benchmark");

    @Setup
    public void setUp() {
        Environment env = new Environment("benchmark", Map.of("AWS_REGION", "eu-west-1"));
        ObjectNode putEventsAccepted = EventJson.mapper().createObjectNode().put("FailedEntryCount", 0);
        putEventsAccepted.putArray("Entries").addObject().put("EventId", "benchmark");
        EventBridgeClient bus = AwsClients.offline(
                        EventBridgeClient.builder(), env, CannedHttpClient.answering(putEventsAccepted.toString()))
                .build();
        DynamoDbClient dynamo = AwsClients.offline(DynamoDbClient.builder(), env, CannedHttpClient.answering("{}"))
                .build();
        SesV2Client ses = AwsClients.offline(
                        SesV2Client.builder(),
                        env,
                        CannedHttpClient.answering(EventJson.mapper()
                                .createObjectNode()
                                .put("MessageId", "benchmark")
                                .toString()))
                .build();
        Clock clock = Clock.systemUTC();
        checkout = new CheckoutHandler(new Checkout(
                new EventBridgeOrderEvents(bus, "OrdersBus", RetryPolicy.STANDARD, Sleeper.THREAD, () -> 0.5), clock));
        email = EmailHandler.SUBSCRIBER.over(new Confirmations(
                new DynamoConfirmationLedger(dynamo, "ConfirmationsTable"),
                new SesMailer(ses, "orders@example.com"),
                clock)::confirm);
        warehouse = WarehouseHandler.SUBSCRIBER.over(
                new ShipmentRequests(new DynamoShipmentStore(dynamo, "ShipmentsTable"), clock)::record);
        rewards = RewardsHandler.SUBSCRIBER.over(
                new Rewards(new DynamoRewardsLedger(dynamo, "RewardsTable"), clock)::credit);
        Path events = SamTemplate.locate(Path.of("")).getParent().resolve("events");
        postOrder = bytes(events.resolve("api-gateway/post-order-rewards-signup.json"));
        orderCreated = bytes(events.resolve("eventbridge/order-created-rewards-signup.json"));
        byte[] response = checkout();
        if (!new String(response, StandardCharsets.UTF_8).contains("\"statusCode\":202")) {
            throw new IllegalStateException(
                    "The sample order is not accepted: " + new String(response, StandardCharsets.UTF_8));
        }
    }

    @Benchmark
    public byte[] checkout() {
        var response = new ByteArrayOutputStream(512);
        try {
            checkout.handleRequest(new ByteArrayInputStream(postOrder), response, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.toByteArray();
    }

    @Benchmark
    public void email() {
        email.handleRequest(new ByteArrayInputStream(orderCreated), OutputStream.nullOutputStream(), context);
    }

    @Benchmark
    public void warehouse() {
        warehouse.handleRequest(new ByteArrayInputStream(orderCreated), OutputStream.nullOutputStream(), context);
    }

    @Benchmark
    public void rewards() {
        rewards.handleRequest(new ByteArrayInputStream(orderCreated), OutputStream.nullOutputStream(), context);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sample " + file, e);
        }
    }
}
