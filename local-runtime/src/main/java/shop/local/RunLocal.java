package shop.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import shop.local.api.UnsignedJwt;
import shop.local.bus.Ledger;
import shop.local.bus.Redrive;
import shop.local.json.Json;
import shop.local.view.LiveView;
import shop.template.TemplateException;

/**
 * The command line: serve the template's system until stopped, send one request through it ({@code --once}), or send
 * dead-lettered events back through the bus ({@code redrive}). Exit status 0 means every subscriber succeeded.
 */
public final class RunLocal {

    static final String USAGE = """
            usage: run-local [options]                       serve until Ctrl-C; \
            type 'redrive [Function]', 'status' or 'quit'
                   run-local [options] --once <request.json> send one API Gateway v2 request through, \
            print its blocks, exit
                   run-local [options] redrive [Function]    send dead-lettered events back through the bus, exit
                   run-local token claim=value...            print an unsigned JWT for the local API, \
            e.g. token sub=cust-2024

            options:
              --template <file>        SAM template (default: template.yaml in this folder or a parent)
              --parameter Name=Value   template parameter value; repeat for several
              --port <n>               HTTP API port (default 3000; --once and redrive use a free port unless given)
              --view-port <n>          live view in a browser: http://localhost:<n>/view/ (default 3001; 0: a free port)
              --data <folder>          journal, outbox, tables, dead letters, logs (default: .local beside the template)
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
        Arguments options;
        try {
            options = Arguments.parse(args);
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
            try (LiveView view = LiveView.start(runtime, options.viewPort)) {
                runtime.console().line(String.format("  view      %s", view.uri()));
                return InteractiveConsole.serve(runtime, out);
            }
        } catch (TemplateException e) {
            err.println("run-local: " + e.getMessage());
            return 1;
        } catch (IllegalStateException | UncheckedIOException e) {
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
    private static int once(LocalRuntime runtime, Path file, int waitSeconds, PrintStream out)
            throws InterruptedException {
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
            status = ApiReplay.send(runtime.apiUri(), request);
        } catch (IOException e) {
            out.println("run-local: the request to the local API failed: " + e);
            return 1;
        }
        boolean settled = runtime.awaitSettled(Duration.ofSeconds(waitSeconds));
        List<Ledger.Event> events = runtime.ledger()
                .events()
                .subList(eventsBefore, runtime.ledger().events().size());
        return verdict(runtime, "once", status, events, settled, waitSeconds, out);
    }

    private static int redrive(LocalRuntime runtime, Optional<String> function, int waitSeconds, PrintStream out)
            throws InterruptedException {
        Redrive.Result result = runtime.redrive(function);
        result.skipped().forEach(skip -> out.println("redrive: skipped " + skip));
        out.println("redrive: " + result.eventIds().size() + " event(s) sent back through the bus");
        boolean settled = runtime.awaitSettled(Duration.ofSeconds(waitSeconds));
        List<Ledger.Event> events = runtime.ledger().events();
        return result.skipped().isEmpty() ? verdict(runtime, "redrive", 200, events, settled, waitSeconds, out) : 1;
    }

    private static int verdict(
            LocalRuntime runtime,
            String mode,
            int status,
            List<Ledger.Event> events,
            boolean settled,
            int waitSeconds,
            PrintStream out) {
        long deliveries = events.stream().mapToLong(e -> e.deliveries().size()).sum();
        long succeeded = events.stream()
                .flatMap(e -> e.deliveries().stream())
                .filter(d -> d.outcome() == Ledger.Outcome.SUCCEEDED)
                .count();
        long deadLettered = events.stream()
                .flatMap(e -> e.deliveries().stream())
                .filter(d -> d.outcome() == Ledger.Outcome.DEAD_LETTERED)
                .count();
        StringBuilder summary = new StringBuilder(mode + ": ");
        if (!mode.equals("redrive")) {
            summary.append("HTTP ").append(status).append("; ");
        }
        summary.append(events.size())
                .append(" event(s), ")
                .append(deliveries)
                .append(" delivery(ies): ")
                .append(succeeded)
                .append(" succeeded, ")
                .append(deadLettered)
                .append(" dead-lettered");
        if (!settled) {
            summary.append("; still pending after ")
                    .append(waitSeconds)
                    .append(" s (dead-lettered as RuntimeStopped on exit)");
        }
        List<String> unaccounted = runtime.unaccounted();
        if (settled && !unaccounted.isEmpty()) {
            summary.append("\n  LOST (a runtime bug, please report): ").append(String.join("; ", unaccounted));
        }
        out.println(summary);
        boolean ok = status >= 200 && status < 300 && settled && succeeded == deliveries && unaccounted.isEmpty();
        return ok ? 0 : 1;
    }
}
