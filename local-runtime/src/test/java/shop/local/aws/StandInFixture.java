package shop.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import shop.local.dynamodb.DynamoDbService;
import shop.local.journal.Journal;
import shop.local.outbox.Outbox;
import shop.wiring.AwsClients;
import shop.wiring.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * A running stand-in over a scratch folder, with SDK v2 clients built exactly as the functions build theirs
 * ({@link AwsClients#configure}, URL-connection HTTP client, endpoint from {@code AWS_ENDPOINT_URL}).
 */
final class StandInFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");

    /** Tables shaped like the template's: a hash-keyed one and a hash+range one. */
    static final List<DynamoDbService.TableDefinition> TABLES = List.of(
            new DynamoDbService.TableDefinition("Orders", Map.of("orderId", "S")),
            new DynamoDbService.TableDefinition("Ledger", orderedKeys()));

    final Path folder;
    final Effects effects = new Effects();
    final Journal journal;
    private boolean closed;
    final DynamoDbService dynamo;
    final Outbox outbox;
    final RecordingSink bus = new RecordingSink();
    final AwsStandIn standIn;
    final Environment environment;

    StandInFixture(Path folder) {
        this.folder = folder;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Journal.Opened journaled = Journal.open(folder.resolve("journal/journal.log"));
        this.journal = journaled.journal();
        this.dynamo = new DynamoDbService(folder.resolve("dynamodb"), TABLES, effects, journal, journaled.records());
        this.outbox = new Outbox(folder.resolve("outbox"), clock);
        this.standIn = AwsStandIn.start(
                AwsStandIn.bind(),
                List.of(dynamo, new EventBridgeService(bus, clock, effects)),
                new SesService(outbox, effects),
                new PrintStream(System.err, true),
                effects);
        this.environment = new Environment(
                "StandInTest",
                Map.of(
                        "AWS_REGION",
                        "eu-west-1",
                        "AWS_ACCESS_KEY_ID",
                        "local",
                        "AWS_SECRET_ACCESS_KEY",
                        "local",
                        AwsClients.ENDPOINT_VARIABLE,
                        standIn.endpoint().toString()));
    }

    DynamoDbClient dynamoClient() {
        return AwsClients.configure(DynamoDbClient.builder(), environment).build();
    }

    EventBridgeClient eventsClient() {
        return AwsClients.configure(EventBridgeClient.builder(), environment).build();
    }

    SesV2Client sesClient() {
        return AwsClients.configure(SesV2Client.builder(), environment).build();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        standIn.close();
        dynamo.close();
        journal.close();
    }

    private static Map<String, String> orderedKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("customerId", "S");
        keys.put("entry", "S");
        return keys;
    }

    /** A bus named {@code OrdersBus} that remembers what it accepted. */
    static final class RecordingSink implements EventSink {
        record Put(
                String bus, String source, String detailType, JsonNode detail, List<String> resources, Instant time) {}

        final List<Put> puts = new CopyOnWriteArrayList<>();

        @Override
        public Optional<String> bus(String nameOrArn) {
            return nameOrArn.equals("OrdersBus") || nameOrArn.endsWith(":event-bus/OrdersBus")
                    ? Optional.of("OrdersBus")
                    : Optional.empty();
        }

        @Override
        public String put(
                String bus, String source, String detailType, JsonNode detail, List<String> resources, Instant time) {
            puts.add(new Put(bus, source, detailType, detail, resources, time));
            return "event-" + puts.size();
        }
    }
}
