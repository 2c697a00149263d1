package shop.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.local.bus.RetryDelays;
import shop.local.json.Json;
import shop.template.SamTemplate;

/** The command line of {@code run-local}, parsed; {@link #parse} refuses what it does not know, naming it. */
final class Arguments {

    Path template;
    Integer port;
    Path data;
    boolean reset;
    final Map<String, String> parameters = new LinkedHashMap<>();
    String region = "eu-west-1";
    int retrySpeedUp = RetryDelays.DEFAULT_SPEED_UP;
    int concurrency = 16;
    int viewPort = 3001;
    int waitSeconds = 60;
    boolean verbose;
    boolean help;
    Optional<Path> once = Optional.empty();
    Optional<ObjectNode> token = Optional.empty();
    boolean redrive;
    Optional<String> redriveFunction = Optional.empty();

    static Arguments parse(String[] args) {
        Arguments options = new Arguments();
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
                case "--view-port" -> options.viewPort = number(argument, value(argument, rest), 0);
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
                    ObjectNode claims = Json.object();
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
        LocalRuntime.Settings.Builder settings = LocalRuntime.Settings.of(file)
                .parameters(parameters)
                .region(region)
                .retrySpeedUp(retrySpeedUp)
                .concurrency(concurrency)
                .console(out, verbose)
                .port(port != null ? port : once.isPresent() || redrive ? 0 : 3000);
        if (data != null) {
            settings.data(data, reset);
        } else if (reset) {
            settings.data(file.toAbsolutePath().getParent().resolve(".local"), true);
        }
        return settings.build();
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
