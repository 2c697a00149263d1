package shop.benchmarks.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import shop.local.aws.AwsStandIn;
import shop.local.aws.Effects;
import shop.local.aws.EventBridgeService;
import shop.local.aws.EventSink;
import shop.local.aws.SesService;
import shop.local.dynamodb.DynamoDbService;
import shop.local.journal.Journal;
import shop.local.outbox.Outbox;
import shop.template.TableResource;

/**
 * The local runtime's AWS stand-in (EventBridge, DynamoDB, SES v2 on one loopback port), fresh for every launch so that
 * every first invocation does the same work: no order is ever a duplicate of an earlier run's.
 */
final class LoopbackAws implements AutoCloseable {

    private final Path folder;
    private final Journal journal;
    private final DynamoDbService dynamo;
    private final Outbox outbox;
    private final AtomicInteger events = new AtomicInteger();
    private final AwsStandIn standIn;

    LoopbackAws(List<TableResource> tables, String busName) {
        try {
            this.folder = scratchFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a scratch folder for the AWS stand-in", e);
        }
        Clock clock = Clock.systemUTC();
        Journal.Opened journaled = Journal.open(folder.resolve("journal/journal.log"));
        this.journal = journaled.journal();
        this.dynamo = new DynamoDbService(
                folder.resolve("dynamodb"),
                tables.stream().map(LoopbackAws::definition).toList(),
                Effects.none(),
                journal,
                journaled.records());
        this.outbox = new Outbox(folder.resolve("outbox"), clock);
        EventSink bus = new EventSink() {
            @Override
            public Optional<String> bus(String nameOrArn) {
                return nameOrArn.equals(busName) ? Optional.of(busName) : Optional.empty();
            }

            @Override
            public String put(
                    String bus,
                    String source,
                    String detailType,
                    JsonNode detail,
                    List<String> resources,
                    Instant time) {
                return "event-" + events.incrementAndGet();
            }
        };
        this.standIn = AwsStandIn.start(
                AwsStandIn.bind(),
                List.of(dynamo, new EventBridgeService(bus, clock, Effects.none())),
                new SesService(outbox, Effects.none()),
                new PrintStream(System.err, true),
                Effects.none());
    }

    /** What a function gets as {@code AWS_ENDPOINT_URL}. */
    String endpoint() {
        return standIn.endpoint().toString();
    }

    /** Events the bus accepted, emails in the outbox and items per table: what a launch left behind. */
    String sideEffects(List<TableResource> tables) {
        StringBuilder effects = new StringBuilder(
                "events=" + events.get() + " emails=" + outbox.messages().size());
        for (TableResource table : tables) {
            effects.append(' ')
                    .append(table.logicalId())
                    .append('=')
                    .append(dynamo.items(table.logicalId()).size());
        }
        return effects.toString();
    }

    int eventsAccepted() {
        return events.get();
    }

    int emailsSent() {
        return outbox.messages().size();
    }

    int items(String table) {
        return dynamo.items(table).size();
    }

    @Override
    public void close() {
        standIn.close();
        dynamo.close();
        journal.close();
        deleteQuietly(folder);
    }

    /**
     * A fresh folder in memory where the machine has one: the journal and outbox force every DynamoDB write and every
     * email to disk, a flush that is no cost of a cold start yet would land inside the timed first invocation. On tmpfs
     * a force returns at once; elsewhere the system temp directory, flushes and all.
     */
    private static Path scratchFolder() throws IOException {
        Path memory = Path.of("/dev/shm");
        if (Files.isDirectory(memory) && Files.isWritable(memory)) {
            return Files.createTempDirectory(memory, "cold-start-aws");
        }
        return Files.createTempDirectory("cold-start-aws");
    }

    private static DynamoDbService.TableDefinition definition(TableResource table) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(table.hashKey(), "S");
        table.rangeKey().ifPresent(range -> keys.put(range, "S"));
        return new DynamoDbService.TableDefinition(table.logicalId(), keys);
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A scratch folder in memory or the system temp directory; failing to tidy it must not fail a measurement.
            System.err.println("Could not delete " + root + ": " + e.getMessage());
        }
    }
}
