package shop.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import shop.local.api.UnsignedJwt;
import shop.local.bus.Ledger;
import shop.local.bus.Redrive;
import shop.local.json.Json;
import shop.template.SamTemplate;
import shop.template.TemplateException;

/**
 * The command line: serve the template's system until stopped, send one request through it ({@code --once}), or send
 * dead-lettered events back through the bus ({@code redrive}). Exit status 0 means every subscriber succeeded.
 */
public final class RunLocal {

    static final String USAGE = """
            usage: run-local [options]                       serve until Ctrl-C; type 'redrive [Function]', 'status' or 'quit'
                   run-local [options] --once <request.json> send one API Gateway v2 request through, print its blocks, exit
                   run-local [options] redrive [Function]    send dead-lettered events back through the bus, exit
                   run-local token claim=value...            print an unsigned JWT for the local API, e.g. token sub=cust-2024

            options:
              --template <file>        SAM template (default: template.yaml in this folder or a parent)
              --parameter Name=Value   template parameter value; repeat for several
              --port <n>               HTTP API port (default 3000; --once and redrive use a free port unless given)
              --data <folder>          outbox, tables, dead letters and logs (default: .local beside the template)
              --reset                  empty the data folder first
              --region <name>          region the functions are told they run in (default eu-west-1)
              --retry-speedup <n>      divide Lambda's retry waits (1 min, 2 min) by n (default 600: 100 ms, 200 ms)
              --concurrency <n>        deliveries and API requests served at once (default 16)
              --wait <seconds>         --once and redrive: longest wait for the subscribers (default 60)
              --verbose                echo the functions' log lines to the console
            """;

    private RunLocal() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; answers the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("run-local: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.help) {
            out.print(USAGE);
            return 0;
        }
        if (options.token.isPresent()) {
            out.println(UnsignedJwt.of(options.token.get()));
            return 0;
        }
        LocalRuntime.Settings settings = options.settings(out);
        try (LocalRuntime runtime = LocalRuntime.start(settings)) {
            if (options.once.isPresent()) {
                return once(runtime, options.once.get(), options.waitSeconds, out);
            }
            if (options.redrive) {
                return redrive(runtime, options.redriveFunction, options.waitSeconds, out);
            }
            return serve(runtime, out);
        } catch (TemplateException e) {
            err.println("run-local: " + e.getMessage());
            return 1;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            err.println("run-local: " + e.getMessage());
            if (e.getCause() != null) {
                err.println("  caused by: " + e.getCause());
            }
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** Sends the request in {@code file} through the API, waits for every subscriber, and says how it went. */
    private static int once(LocalRuntime runtime, Path file, int waitSeconds, PrintStream out) throws InterruptedException {
        JsonNode request;
        try {
            request = Json.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            out.println("run-local: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        int eventsBefore = runtime.ledger().events().size();
        int status;
        try {
            status = send(runtime.apiUri(), request);
        } catch (IOException e) {
            out.println("run-local: the request to the local API failed: " + e);
            return 1;
        }
        boolean settled = runtime.awaitSettled(Duration.ofSeconds(waitSeconds));
        List<Ledger.Event> events = runtime.ledger().events().subList(eventsBefore, runtime.ledger().events().size());
        return verdict(runtime, "once", status, events, settled, waitSeconds, out);
    }

    private static int redrive(LocalRuntime runtime, Optional<String> function, int waitSeconds, PrintStream out) throws InterruptedException {
        Redrive.Result result = runtime.redrive(function);
        result.skipped().forEach(skip -> out.println("redrive: skipped " + skip));
        out.println("redrive: " + result.eventIds().size() + " event(s) sent back through the bus");
        boolean settled = runtime.awaitSettled(Duration.ofSeconds(waitSeconds));
        List<Ledger.Event> events = runtime.ledger().events();
        return result.skipped().isEmpty() ? verdict(runtime, "redrive", 200, events, settled, waitSeconds, out) : 1;
    }

    private static int verdict(LocalRuntime runtime, String mode, int status, List<Ledger.Event> events, boolean settled, int waitSeconds,
            PrintStream out) {
        long deliveries = events.stream().mapToLong(e -> e.deliveries().size()).sum();
        long succeeded = events.stream().flatMap(e -> e.deliveries().stream()).filter(d -> d.outcome() == Ledger.Outcome.SUCCEEDED).count();
        long deadLettered = events.stream().flatMap(e -> e.deliveries().stream()).filter(d -> d.outcome() == Ledger.Outcome.DEAD_LETTERED).count();
        StringBuilder summary = new StringBuilder(mode + ": ");
        if (!mode.equals("redrive")) {
            summary.append("HTTP ").append(status).append("; ");
        }
        summary.append(events.size()).append(" event(s), ").append(deliveries).append(" delivery(ies): ")
                .append(succeeded).append(" succeeded, ").append(deadLettered).append(" dead-lettered");
        if (!settled) {
            summary.append("; still pending after ").append(waitSeconds).append(" s (dead-lettered as RuntimeStopped on exit)");
        }
        List<String> unaccounted = runtime.unaccounted();
        if (settled && !unaccounted.isEmpty()) {
            summary.append("\n  LOST (a runtime bug, please report): ").append(String.join("; ", unaccounted));
        }
        out.println(summary);
        boolean ok = status >= 200 && status < 300 && settled && succeeded == deliveries && unaccounted.isEmpty();
        return ok ? 0 : 1;
    }

    /** Serves until Ctrl-C, or 'quit' on standard input; other commands: redrive [Function], status. */
    private static int serve(LocalRuntime runtime, PrintStream out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // Ctrl-C: let the runtime finish (or dead-letter) what the bus accepted before the JVM goes.
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                closed.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "run-local-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Serving. Commands: redrive [Function] | status | quit   (Ctrl-C stops too)");
        Thread commands = new Thread(() -> readCommands(runtime, out, stopped), "run-local-commands");
        commands.setDaemon(true);
        commands.start();
        stopped.await();
        out.println("run-local: stopping; pending deliveries get 10 s to finish, the rest are dead-lettered");
        try {
            runtime.close();
        } finally {
            closed.countDown();
        }
        return 0;
    }

    private static void readCommands(LocalRuntime runtime, PrintStream out, CountDownLatch stopped) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.trim().split("\\s+");
                switch (words[0]) {
                    case "" -> { }
                    case "quit", "exit" -> {
                        stopped.countDown();
                        return;
                    }
                    case "redrive" -> {
                        try {
                            Redrive.Result result = runtime.redrive(words.length > 1 ? Optional.of(words[1]) : Optional.empty());
                            result.skipped().forEach(skip -> out.println("redrive: skipped " + skip));
                            out.println("redrive: " + result.eventIds().size() + " event(s) sent back through the bus");
                        } catch (IllegalArgumentException e) {
                            out.println("redrive: " + e.getMessage());
                        }
                    }
                    case "status" -> {
                        List<Ledger.Event> events = runtime.ledger().events();
                        long pending = events.stream().flatMap(e -> e.deliveries().stream()).filter(d -> d.outcome() == Ledger.Outcome.PENDING).count();
                        out.println("status: " + events.size() + " event(s) accepted, " + pending + " delivery(ies) pending, "
                                + runtime.deadLetters().list(Optional.empty()).size() + " dead letter(s) stored; unaccounted: "
                                + (pending > 0 ? "(wait until nothing is pending)" : runtime.unaccounted().isEmpty() ? "none" : runtime.unaccounted()));
                    }
                    default -> out.println("commands: redrive [Function] | status | quit");
                }
            }
        } catch (IOException e) {
            out.println("run-local: standard input closed (" + e.getMessage() + "); still serving until Ctrl-C");
        }
        // End of input (run in the background): keep serving until stopped.
    }

    /** Replays an API Gateway v2 request against the local API; answers the HTTP status. */
    static int send(URI api, JsonNode request) throws IOException, InterruptedException {
        JsonNode http = request.path("requestContext").path("http");
        String method = http.path("method").asText(request.path("httpMethod").asText("GET"));
        String path = request.path("rawPath").asText(http.path("path").asText("/"));
        String query = request.path("rawQueryString").asText("");
        byte[] body = new byte[0];
        if (request.hasNonNull("body")) {
            String text = request.path("body").asText();
            body = request.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api + path + (query.isEmpty() ? "" : "?" + query)))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(60));
        // Headers API Gateway or the connection sets are not the caller's to replay.
        Set<String> skipped = Set.of("host", "content-length", "connection", "expect", "upgrade", "x-amzn-trace-id",
                "x-forwarded-for", "x-forwarded-port", "x-forwarded-proto");
        request.path("headers").properties().forEach(header -> {
            if (!skipped.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                builder.header(header.getKey(), header.getValue().asText());
            }
        });
        request.path("cookies").forEach(cookie -> builder.header("Cookie", cookie.asText()));
        JsonNode claims = request.path("requestContext").path("authorizer").path("jwt").path("claims");
        if (claims.isObject() && !request.path("headers").has("authorization")) {
            // The sample shows claims API Gateway had verified; the local API takes them from an unsigned token.
            builder.header("Authorization", "Bearer " + UnsignedJwt.of(claims));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Parsed command line. */
    static final class Options {
        Path template;
        Integer port;
        Path data;
        boolean reset;
        final Map<String, String> parameters = new LinkedHashMap<>();
        String region = "eu-west-1";
        int retrySpeedUp = shop.local.bus.RetryDelays.DEFAULT_SPEED_UP;
        int concurrency = 16;
        int waitSeconds = 60;
        boolean verbose;
        boolean help;
        Optional<Path> once = Optional.empty();
        Optional<com.fasterxml.jackson.databind.node.ObjectNode> token = Optional.empty();
        boolean redrive;
        Optional<String> redriveFunction = Optional.empty();

        static Options parse(String[] args) {
            Options options = new Options();
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String argument = rest.remove(0);
                switch (argument) {
                    case "--template" -> options.template = Path.of(value(argument, rest));
                    case "--parameter" -> {
                        String pair = value(argument, rest);
                        int equals = pair.indexOf('=');
                        if (equals < 1) {
                            throw new IllegalArgumentException("--parameter takes Name=Value, got '" + pair + "'");
                        }
                        options.parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
                    }
                    case "--port" -> options.port = number(argument, value(argument, rest), 0);
                    case "--data" -> options.data = Path.of(value(argument, rest));
                    case "--reset" -> options.reset = true;
                    case "--region" -> options.region = value(argument, rest);
                    case "--retry-speedup" -> options.retrySpeedUp = number(argument, value(argument, rest), 1);
                    case "--concurrency" -> options.concurrency = number(argument, value(argument, rest), 1);
                    case "--wait" -> options.waitSeconds = number(argument, value(argument, rest), 1);
                    case "--verbose" -> options.verbose = true;
                    case "--once" -> options.once = Optional.of(Path.of(value(argument, rest)));
                    case "--help", "-h" -> options.help = true;
                    case "token" -> {
                        com.fasterxml.jackson.databind.node.ObjectNode claims = Json.object();
                        while (!rest.isEmpty() && rest.get(0).contains("=")) {
                            String claim = rest.remove(0);
                            claims.put(claim.substring(0, claim.indexOf('=')), claim.substring(claim.indexOf('=') + 1));
                        }
                        options.token = Optional.of(claims);
                    }
                    case "redrive" -> {
                        options.redrive = true;
                        if (!rest.isEmpty() && !rest.get(0).startsWith("--")) {
                            options.redriveFunction = Optional.of(rest.remove(0));
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + argument + "'");
                }
            }
            if (options.redrive && options.once.isPresent()) {
                throw new IllegalArgumentException("--once and redrive do not go together");
            }
            return options;
        }

        LocalRuntime.Settings settings(PrintStream out) {
            Path file = template != null ? template : SamTemplate.locate(Path.of(""));
            LocalRuntime.Settings settings = LocalRuntime.Settings.of(file).withParameters(parameters).withRegion(region)
                    .withRetrySpeedUp(retrySpeedUp).withConcurrency(concurrency).withConsole(out, verbose);
            int chosenPort = port != null ? port : once.isPresent() || redrive ? 0 : 3000;
            settings = settings.withPort(chosenPort);
            return settings.withData(data != null ? data : settings.data(), reset);
        }

        private static String value(String option, List<String> rest) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return rest.remove(0);
        }

        private static int number(String option, String text, int minimum) {
            try {
                int value = Integer.parseInt(text);
                if (value < minimum) {
                    throw new IllegalArgumentException(option + " must be at least " + minimum + ", got " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a whole number, got '" + text + "'");
            }
        }
    }
}
