package shop.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import shop.local.api.ApiCall;
import shop.local.bus.Ledger;
import shop.local.deploy.Deployment;
import shop.local.functions.Failure;
import shop.local.functions.Invocation;
import shop.local.functions.LambdaFunction;

/**
 * What a person watching the console sees: at start, where the API listens and what was loaded; then one line per API
 * request and one block per event once every delivery of it has settled. Only identifiers, outcomes and errors are
 * printed: never an event's detail, which holds customers' names and addresses. Thread-safe: each block is printed
 * whole.
 */
public final class ConsoleReport {

    private final PrintStream out;
    private final Path base;

    /** @param base folder that printed paths are made relative to (the current folder) */
    public ConsoleReport(PrintStream out, Path base) {
        this.out = out;
        this.base = base.toAbsolutePath();
    }

    /** The start-up banner. */
    public void started(
            Deployment deployment,
            Optional<String> apiUri,
            String awsEndpoint,
            Map<String, LambdaFunction> functions,
            Path data,
            int retrySpeedUp) {
        StringBuilder text = new StringBuilder();
        text.append("run-local: ")
                .append(relative(deployment.templateFile()))
                .append(" running locally (region ")
                .append(deployment.region())
                .append(")\n");
        apiUri.ifPresent(uri -> deployment
                .routes()
                .forEach(route -> text.append(String.format(
                        "  API       %-6s %s%s -> %s%s%n",
                        route.method(),
                        uri,
                        route.path(),
                        route.function(),
                        route.authorizer()
                                .map(a -> "  [JWT authorizer " + a + ": token required, not verified locally]")
                                .orElse("")))));
        functions.values().forEach(function -> {
            Deployment.Function deployed = deployment.function(function.name());
            text.append(String.format(
                    "  function  %-18s %s  from %s, retries %d%n",
                    function.name(), function.describe(), deployed.resource().codeUri(), deployed.retries()));
        });
        deployment
                .subscriptions()
                .forEach(subscription -> text.append(String.format(
                        "  rule      %-30s on %s -> %s%n            %s%n",
                        subscription.rule(), subscription.bus(), subscription.function(), subscription.patternJson())));
        text.append("  tables    ")
                .append(deployment.tables().stream().map(t -> t.name()).collect(Collectors.joining(", ")))
                .append("  in ")
                .append(relative(data.resolve("dynamodb")))
                .append('\n');
        text.append("  outbox    ")
                .append(relative(data.resolve("outbox")))
                .append("   dead letters ")
                .append(relative(data.resolve("dead-letters")))
                .append("   function logs ")
                .append(relative(data.resolve("logs")))
                .append('\n');
        text.append("  retries   Lambda's 1 and 2 minute waits divided by ")
                .append(retrySpeedUp)
                .append(": ")
                .append(millis(Duration.ofMinutes(1).dividedBy(retrySpeedUp)))
                .append(" and ")
                .append(millis(Duration.ofMinutes(2).dividedBy(retrySpeedUp)))
                .append('\n');
        text.append("  AWS       EventBridge, DynamoDB and SES stand-in at ")
                .append(awsEndpoint)
                .append('\n');
        if (!deployment.notEmulated().isEmpty()) {
            text.append("  not run locally: ")
                    .append(String.join(", ", deployment.notEmulated()))
                    .append('\n');
        }
        print(text.toString());
    }

    /** One line per API request; a rejected one shows the body saying why, a failed one the error. */
    public void apiCall(ApiCall call) {
        StringBuilder line = new StringBuilder(
                String.format("%s %s -> %d (%s)", call.method(), call.path(), call.status(), millis(call.duration())));
        call.errorBody().ifPresent(body -> line.append("\n    ").append(body));
        call.failure().ifPresent(failure -> describe(line.append("\n    "), failure, "    "));
        call.effects().forEach(effect -> line.append("\n    ").append(relativePaths(effect)));
        print(line.append('\n').toString());
    }

    /** The block of one event whose deliveries have all settled. */
    public void settled(Ledger.Event event) {
        print(block(event));
    }

    /** The text of an event's block. */
    public String block(Ledger.Event event) {
        JsonNode envelope = event.envelope();
        String orderId = envelope.path("detail").path("orderId").asText("");
        StringBuilder text = new StringBuilder();
        text.append(orderId.isEmpty() ? "-- event " + event.id() : "-- order " + orderId)
                .append("  (")
                .append(envelope.path("detail-type").asText())
                .append(" from ")
                .append(envelope.path("source").asText())
                .append(", event ")
                .append(event.id())
                .append(event.redriveOf().map(id -> ", redrive of " + id).orElse(""))
                .append(")\n");
        if (event.deliveries().isEmpty()) {
            text.append("   no rule matched\n");
            return text.toString();
        }
        text.append("   rules matched: ")
                .append(event.deliveries().stream().map(Ledger.Delivery::rule).collect(Collectors.joining(", ")))
                .append('\n');
        for (Ledger.Delivery delivery : event.deliveries()) {
            List<Invocation> attempts = delivery.attempts();
            if (attempts.isEmpty()) {
                // Stopped before its first attempt in this run (a graceful stop's dead letter, or resumed and cut
                // short).
                text.append(String.format(
                        "   %-18s %-6s never attempted%n",
                        delivery.function(),
                        delivery.outcome() == Ledger.Outcome.DEAD_LETTERED ? "FAILED" : "pending"));
                delivery.deadLetter()
                        .ifPresent(file -> text.append("      dead letter: ")
                                .append(relative(file))
                                .append('\n'));
                continue;
            }
            Invocation last = attempts.get(attempts.size() - 1);
            int retries = attempts.size() - 1;
            String outcome = switch (delivery.outcome()) {
                case SUCCEEDED -> "ok";
                case DEAD_LETTERED -> "FAILED";
                case PENDING -> "pending";
            };
            text.append(String.format(
                    "   %-18s %-6s %6s%s%s%n",
                    delivery.function(),
                    outcome,
                    millis(last.duration()),
                    retries > 0 ? "  after " + retries + (retries == 1 ? " retry" : " retries") : "",
                    attempts.stream().anyMatch(Invocation::coldStart) ? "  (cold start)" : ""));
            Optional<Failure> previous = Optional.empty();
            for (int i = 0; i < attempts.size(); i++) {
                Invocation attempt = attempts.get(i);
                if (attempt.failure().isPresent()) {
                    Failure failure = attempt.failure().get();
                    StringBuilder line =
                            new StringBuilder("      attempt " + (i + 1) + " of " + attempts.size() + ": ");
                    if (previous.isPresent() && sameFault(previous.get(), failure)) {
                        line.append("the same ").append(failure.errorType());
                    } else {
                        describe(line, failure, "        ");
                    }
                    text.append(line).append('\n');
                }
                previous = attempt.failure();
                attempt.effects()
                        .forEach(effect -> text.append("        ")
                                .append(relativePaths(effect))
                                .append('\n'));
            }
            delivery.deadLetter()
                    .ifPresent(file -> text.append("      dead letter: ")
                            .append(relative(file))
                            .append('\n'));
        }
        return text.toString();
    }

    /** A free-form line (redrive, status, summaries). */
    public void line(String message) {
        print(message + "\n");
    }

    /** Same type thrown from the same place: the message may differ only by a request id. */
    private static boolean sameFault(Failure a, Failure b) {
        return a.errorType().equals(b.errorType())
                && a.topFrame().equals(b.topFrame())
                && a.ownFrame().equals(b.ownFrame());
    }

    private static void describe(StringBuilder text, Failure failure, String indent) {
        text.append(failure.errorType()).append(": ").append(failure.errorMessage());
        failure.topFrame()
                .ifPresent(top -> text.append('\n').append(indent).append("at ").append(top));
        failure.ownFrame()
                .filter(own -> !own.equals(failure.topFrame().orElse("")))
                .ifPresent(
                        own -> text.append('\n').append(indent).append("from ").append(own));
    }

    /** Effects name files by absolute path; under the current folder, a relative one reads better. */
    private String relativePaths(String text) {
        return text.replace(base + File.separator, "");
    }

    private String relative(Path path) {
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private synchronized void print(String text) {
        out.print(text);
        out.flush();
    }
}
