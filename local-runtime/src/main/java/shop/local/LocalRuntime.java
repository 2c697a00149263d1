package shop.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import shop.local.api.ApiCall;
import shop.local.api.HttpApi;
import shop.local.aws.AwsStandIn;
import shop.local.aws.Effects;
import shop.local.aws.EventBridgeService;
import shop.local.aws.SesService;
import shop.local.bus.AsyncInvoker;
import shop.local.bus.BusRecords;
import shop.local.bus.DeadLetterStore;
import shop.local.bus.EventBus;
import shop.local.bus.Ledger;
import shop.local.bus.Redrive;
import shop.local.bus.RetryDelays;
import shop.local.console.ConsoleReport;
import shop.local.deploy.Deployment;
import shop.local.dynamodb.DynamoDbService;
import shop.local.functions.FunctionLog;
import shop.local.functions.LambdaFunction;
import shop.local.http.HttpServer;
import shop.local.journal.Journal;
import shop.local.outbox.Outbox;
import shop.template.SamTemplate;
import shop.template.TemplateException;

/**
 * The whole system of a SAM template running in this JVM: the HTTP API, the buses and rules, every function in its own
 * class loader, asynchronous invocation with retries and dead letters, and the AWS stand-in the functions call. This is
 * the in-process API that {@link RunLocal} and the tests drive. Thread-safe.
 */
public final class LocalRuntime implements AutoCloseable {

    /**
     * How to run; built with {@link #of(Path)}, whose defaults each setter overrides.
     *
     * @param port HTTP API port; 0 for a free one
     * @param data folder for the journal, outbox, tables, dead letters and logs
     * @param reset empty {@code data} first
     * @param parameters template parameter values
     * @param retrySpeedUp Lambda's retry waits are divided by this
     * @param concurrency asynchronous deliveries (and API requests) served at once
     * @param console where the banner, request lines and event blocks go
     * @param verbose also echo the functions' logs to the console
     * @param httpLimits what one client of the HTTP API may hold or send before it is answered 4xx and cut off
     */
    public record Settings(
            Path template,
            int port,
            Path data,
            boolean reset,
            Map<String, String> parameters,
            String region,
            int retrySpeedUp,
            int concurrency,
            PrintStream console,
            boolean verbose,
            HttpServer.Limits httpLimits) {

        public Settings {
            parameters = Map.copyOf(parameters);
        }

        /** The defaults: port 3000, {@code .local} beside the template, Lambda's waits 600 times faster. */
        public static Builder of(Path template) {
            return new Builder(template.toAbsolutePath());
        }

        /** Settings with some values changed; a builder because most callers change two or three of ten. */
        public static final class Builder {
            private final Path template;
            private int port = 3000;
            private Path data;
            private boolean reset;
            private Map<String, String> parameters = Map.of();
            private String region = "eu-west-1";
            private int retrySpeedUp = RetryDelays.DEFAULT_SPEED_UP;
            private int concurrency = 16;
            private PrintStream console = System.out;
            private boolean verbose;
            private HttpServer.Limits httpLimits = HttpServer.Limits.defaults();

            private Builder(Path template) {
                this.template = template;
                this.data = template.getParent().resolve(".local");
            }

            public Builder port(int value) {
                port = value;
                return this;
            }

            /** The data folder, emptied first when {@code emptyFirst}. */
            public Builder data(Path folder, boolean emptyFirst) {
                data = folder;
                reset = emptyFirst;
                return this;
            }

            public Builder parameters(Map<String, String> values) {
                parameters = values;
                return this;
            }

            public Builder region(String value) {
                region = value;
                return this;
            }

            public Builder retrySpeedUp(int value) {
                retrySpeedUp = value;
                return this;
            }

            public Builder concurrency(int value) {
                concurrency = value;
                return this;
            }

            /** Where the console goes, and whether the functions' logs are echoed there too. */
            public Builder console(PrintStream out, boolean echoFunctionLogs) {
                console = out;
                verbose = echoFunctionLogs;
                return this;
            }

            public Builder httpLimits(HttpServer.Limits limits) {
                httpLimits = limits;
                return this;
            }

            public Settings build() {
                return new Settings(
                        template,
                        port,
                        data,
                        reset,
                        parameters,
                        region,
                        retrySpeedUp,
                        concurrency,
                        console,
                        verbose,
                        httpLimits);
            }
        }
    }

    private final Deployment deployment;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final List<AutoCloseable> opened;
    private final Ledger ledger;
    private final ConsoleReport console;
    private final DynamoDbService tables;
    private final Outbox outbox;
    private final DeadLetterStore deadLetters;
    private final AwsStandIn standIn;
    private final AsyncInvoker invoker;
    private final Redrive redrive;
    private final Optional<HttpApi> api;
    private final Map<String, LambdaFunction> functions;
    private final List<Consumer<ApiCall>> apiCallListeners;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalRuntime(Deployment deployment, FileChannel lockFile, FileLock lock, Parts parts) {
        this.deployment = deployment;
        this.lockFile = lockFile;
        this.lock = lock;
        this.opened = parts.opened;
        this.ledger = parts.ledger;
        this.console = parts.console;
        this.tables = parts.tables;
        this.outbox = parts.outbox;
        this.deadLetters = parts.deadLetters;
        this.standIn = parts.standIn;
        this.invoker = parts.invoker;
        this.redrive = parts.redrive;
        this.api = parts.api;
        this.functions = parts.functions;
        this.apiCallListeners = parts.apiCallListeners;
    }

    /**
     * Reads the template, checks everything it can before opening anything, then starts the system.
     *
     * @throws TemplateException naming the resource and property the runtime cannot understand
     */
    public static LocalRuntime start(Settings settings) {
        Deployment deployment = Deployment.of(
                SamTemplate.load(settings.template()), settings.template(), settings.parameters(), settings.region());
        Path data = settings.data().toAbsolutePath();
        FileChannel lockFile;
        FileLock lock;
        try {
            Files.createDirectories(data);
            lockFile = FileChannel.open(data.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockFile.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the data folder " + data, e);
        } catch (OverlappingFileLockException e) {
            lock = null;
            lockFile = null;
        }
        if (lock == null) {
            throw new IllegalStateException(
                    "The data folder " + data + " is in use by another local runtime; stop it, or give another --data");
        }
        if (settings.reset()) {
            clear(data); // only once the folder is ours: never under another runtime's feet
        }
        Parts parts = new Parts();
        try {
            parts.open(settings, deployment, data);
        } catch (RuntimeException | Error e) {
            parts.closeAll(e);
            release(lock, lockFile, e);
            throw e;
        }
        return new LocalRuntime(deployment, lockFile, lock, parts);
    }

    /**
     * The parts, opened in an order without cycles: the stand-in's port is bound first (the functions need its
     * address), the functions loaded, then the invoker, the bus, and the stand-in served with the bus behind it.
     */
    private static final class Parts {
        final List<AutoCloseable> opened = new ArrayList<>();
        final Ledger ledger = new Ledger();
        ConsoleReport console;
        DynamoDbService tables;
        Outbox outbox;
        DeadLetterStore deadLetters;
        AwsStandIn standIn;
        AsyncInvoker invoker;
        Redrive redrive;
        Optional<HttpApi> api = Optional.empty();
        final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        final List<Consumer<ApiCall>> apiCallListeners = new CopyOnWriteArrayList<>();

        void open(Settings settings, Deployment deployment, Path data) {
            Clock clock = Clock.systemUTC();
            Effects effects = new Effects();
            console = new ConsoleReport(settings.console(), Path.of(""));
            Journal.Opened journaled = Journal.open(data.resolve("journal").resolve("journal.log"));
            Journal journal = journaled.journal();
            opened.add(journal);
            tables = new DynamoDbService(
                    data.resolve("dynamodb"), deployment.tables(), effects, journal, journaled.records());
            opened.add(tables);
            List<BusRecords.PendingEvent> owed = BusRecords.pending(journaled.records());
            // Compacted at every start: the tables as they stand and the deliveries still owed, nothing settled.
            List<JsonNode> compacted = new ArrayList<>(tables.snapshot());
            compacted.addAll(BusRecords.compacted(owed));
            journal.rewrite(compacted);
            outbox = new Outbox(data.resolve("outbox"), clock);
            deadLetters = new DeadLetterStore(data.resolve("dead-letters"), clock);
            AwsStandIn.Port port = AwsStandIn.bind();
            opened.add(port);

            Map<String, Integer> retries = new LinkedHashMap<>();
            Map<String, String> arns = new LinkedHashMap<>();
            for (Deployment.Function function : deployment.functions()) {
                FunctionLog log = new FunctionLog(
                        data.resolve("logs"),
                        function.name(),
                        settings.verbose() ? Optional.of(settings.console()) : Optional.empty(),
                        clock);
                opened.add(log);
                LambdaFunction loaded =
                        LambdaFunction.load(function, environment(deployment, function, port.endpoint()), log, effects);
                opened.add(loaded);
                functions.put(function.name(), loaded);
                retries.put(function.name(), function.retries());
                arns.put(function.name(), function.arn());
            }
            invoker = new AsyncInvoker(
                    functions,
                    retries,
                    arns,
                    new RetryDelays(settings.retrySpeedUp()),
                    ledger,
                    deadLetters,
                    settings.concurrency(),
                    settings.console(),
                    journal);
            EventBus bus = new EventBus(deployment, clock, ledger, invoker, journal);
            standIn = AwsStandIn.start(
                    port,
                    List.of(tables, new EventBridgeService(bus, clock, effects)),
                    new SesService(outbox, effects),
                    settings.console(),
                    effects);
            opened.add(standIn);
            redrive = new Redrive(bus, deadLetters, ledger, deployment);
            ledger.onSettled(console::settled);
            if (!deployment.routes().isEmpty()) {
                api = Optional.of(HttpApi.start(
                        settings.port(),
                        Math.max(4, settings.concurrency()),
                        settings.httpLimits(),
                        deployment.routes(),
                        functions,
                        clock,
                        call -> {
                            console.apiCall(call);
                            apiCallListeners.forEach(listener -> listener.accept(call));
                        }));
            }
            console.started(
                    deployment,
                    api.map(a -> a.uri().toString()),
                    standIn.endpoint().toString(),
                    functions,
                    data,
                    settings.retrySpeedUp());
            if (!owed.isEmpty()) {
                console.line("Resuming "
                        + owed.stream().mapToInt(event -> event.owed().size()).sum() + " delivery(ies) of "
                        + owed.size() + " event(s) accepted before the last stop");
                bus.resume(owed);
            }
        }

        /** After a failed start: closes what was opened, newest first, keeping the start's failure as the cause. */
        void closeAll(Throwable failure) {
            api.ifPresent(HttpApi::close);
            if (invoker != null) {
                invoker.close(Duration.ZERO);
            }
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    private static void release(FileLock lock, FileChannel lockFile, Throwable failure) {
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** What a function sees: the template's variables, resolved, and the ones Lambda sets, pointing at the stand-in. */
    private static Map<String, String> environment(Deployment deployment, Deployment.Function function, URI standIn) {
        Map<String, String> environment = new LinkedHashMap<>(function.environment());
        environment.put("AWS_REGION", deployment.region());
        environment.put("AWS_DEFAULT_REGION", deployment.region());
        // Dummy keys: the stand-in does not check signatures, and nothing here can reach AWS.
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL", standIn.toString());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put(
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                Integer.toString(function.resource().memorySize()));
        return environment;
    }

    /** Where the HTTP API listens. */
    public URI apiUri() {
        return api.orElseThrow(() -> new IllegalStateException("The template has no HttpApi route"))
                .uri();
    }

    /** The functions' {@code AWS_ENDPOINT_URL}. */
    public URI awsEndpoint() {
        return standIn.endpoint();
    }

    /** The loaded functions by logical id, in template order. */
    public Map<String, LambdaFunction> functions() {
        return Collections.unmodifiableMap(functions);
    }

    /** Calls {@code listener} after each request the HTTP API answers (after its console line). */
    public void onApiCall(Consumer<ApiCall> listener) {
        apiCallListeners.add(listener);
    }

    public Deployment deployment() {
        return deployment;
    }

    public Ledger ledger() {
        return ledger;
    }

    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    public DynamoDbService tables() {
        return tables;
    }

    public Outbox outbox() {
        return outbox;
    }

    public ConsoleReport console() {
        return console;
    }

    /** Sends dead-lettered events (of one function, or all) back through the bus; see {@link Redrive}. */
    public Redrive.Result redrive(Optional<String> function) {
        function.ifPresent(deployment::function);
        return redrive.run(function);
    }

    /** Waits, at most {@code timeout}, until no delivery is pending. */
    public boolean awaitSettled(Duration timeout) throws InterruptedException {
        return ledger.awaitSettled(timeout);
    }

    /**
     * Deliveries that break "processed by every matching consumer or in the dead-letter store"; empty when it holds.
     */
    public List<String> unaccounted() {
        return ledger.unaccounted(deadLetters);
    }

    /** Stops taking requests, lets pending deliveries finish (10 s at most; the rest are dead-lettered), and stops. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        api.ifPresent(HttpApi::close);
        invoker.close(Duration.ofSeconds(10));
        List<AutoCloseable> reversed = new ArrayList<>(opened);
        Collections.reverse(reversed);
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable closeable : reversed) {
            try {
                closeable.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            IllegalStateException stop = new IllegalStateException("The local runtime did not stop cleanly");
            failures.forEach(stop::addSuppressed);
            throw stop;
        }
    }

    private static void clear(Path data) {
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> all = Files.walk(data)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(data) && !path.equals(data.resolve(".lock"))) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reset the data folder " + data, e);
        }
    }
}
