package shop.redrive;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * The command line of {@link RedriveCommand}, read and checked: which queue into which function, in which region, and
 * how.
 *
 * @param queueUrl the dead-letter queue's URL (the stack outputs it as {@code <Consumer>DeadLetterQueueUrl})
 * @param function the consumer to redrive into
 * @param dryRun list only
 * @param max the most messages to receive; unbounded when not given
 * @param region from {@code --region}, else {@code AWS_REGION}
 * @param endpoint {@code AWS_ENDPOINT_URL}, for emulators; empty on AWS
 */
public record RedriveOptions(
        String queueUrl, FunctionTarget function, boolean dryRun, int max, Region region, Optional<URI> endpoint) {

    /** {@code --max} when not given: the whole queue. */
    public static final int ALL = Integer.MAX_VALUE;

    public RedriveOptions {
        Objects.requireNonNull(queueUrl, "queueUrl");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /** Reads {@code args} and the process environment; throws {@link IllegalArgumentException} naming the problem. */
    public static RedriveOptions parse(String[] args, Map<String, String> environment) {
        String queueUrl = null;
        FunctionTarget function = null;
        boolean dryRun = false;
        int max = ALL;
        String region = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--queue-url" -> queueUrl = valueOf(args, ++i, option);
                case "--function" -> function = FunctionTarget.parse(valueOf(args, ++i, option));
                case "--dry-run" -> dryRun = true;
                case "--max" -> max = positive(valueOf(args, ++i, option));
                case "--region" -> region = valueOf(args, ++i, option);
                default -> throw new IllegalArgumentException("unknown option '" + ErrorText.of(option) + "'");
            }
        }
        if (queueUrl == null) {
            throw new IllegalArgumentException("--queue-url is required");
        }
        if (!queueUrl.startsWith("https://") && !queueUrl.startsWith("http://")) {
            throw new IllegalArgumentException(
                    "--queue-url must be the queue's URL (https://sqs...), not '" + ErrorText.of(queueUrl) + "'");
        }
        if (function == null) {
            throw new IllegalArgumentException("--function is required");
        }
        if (region == null) {
            region = environment.get("AWS_REGION");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("no region: pass --region or set AWS_REGION");
        }
        Optional<URI> endpoint = Optional.ofNullable(environment.get("AWS_ENDPOINT_URL"))
                .filter(url -> !url.isBlank())
                .map(URI::create);
        return new RedriveOptions(queueUrl, function, dryRun, max, Region.of(region), endpoint);
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int positive(String value) {
        try {
            int max = Integer.parseInt(value);
            if (max >= 1) {
                return max;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value, the same as a number below one.
        }
        throw new IllegalArgumentException(
                "--max must be a whole number of at least 1, not '" + ErrorText.of(value) + "'");
    }
}
