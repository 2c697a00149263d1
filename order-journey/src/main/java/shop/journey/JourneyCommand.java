package shop.journey;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import shop.journey.aws.AwsStack;
import shop.journey.local.LocalData;
import shop.template.SamTemplate;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code journey <orderId>}: prints what happened to one order, from {@code ./run-local}'s data folder (the default) or
 * from a deployed stack ({@code --stack}). Exit status 0 when anything was found about the order, 1 when nothing was, 2
 * on a usage error.
 */
public final class JourneyCommand {

    static final String USAGE = """
            usage: journey <orderId> [options]
                   journey --help

              --data <folder>      the local runtime's data folder (default: .local beside template.yaml)
              --stack <name>       read the deployed stack instead: its log groups, tables and dead-letter queues
              --region <name>      the stack's region (default: AWS_REGION, then the SDK's region chain)
              --since <duration>   how far back the stack's logs are searched: 30m, 6h, 7d (default 24h)
              --customer <id>      the order's customer id, to read tables keyed by customer (rewards)
              --template <file>    SAM template (default: template.yaml in this folder or a parent)
            """;

    private static final Pattern ORDER_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern SINCE = Pattern.compile("(\\d+)([mhd])");

    private JourneyCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; answers the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("journey: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        SamTemplate template = SamTemplate.load(options.template.orElseGet(() -> SamTemplate.locate(Path.of(""))));
        OrderStory story;
        String source;
        if (options.stack.isPresent()) {
            source = "stack " + options.stack.get();
            try (CloudFormationClient cloudFormation = client(CloudFormationClient.builder(), options.region);
                    CloudWatchLogsClient logs = client(CloudWatchLogsClient.builder(), options.region);
                    DynamoDbClient dynamo = client(DynamoDbClient.builder(), options.region);
                    SqsClient sqs = client(SqsClient.builder(), options.region)) {
                AwsStack stack = new AwsStack(
                        AwsStack.physicalIds(cloudFormation, options.stack.get()),
                        logs,
                        dynamo,
                        sqs,
                        Instant.now().minus(options.since));
                story = new Journey(template, stack, stack, stack).tell(options.orderId, options.customer);
            } catch (SdkException e) {
                // No such stack, no credentials, no network: the SDK's message says which; a stack trace says no more.
                err.println("journey: cannot read " + source + ": " + e.getMessage());
                return 2;
            }
        } else {
            Path data = options.data.orElseGet(
                    () -> SamTemplate.locate(Path.of("")).getParent().resolve(".local"));
            source = "local data " + shown(data);
            LocalData local;
            try {
                local = new LocalData(data);
            } catch (IllegalArgumentException e) {
                err.println("journey: " + e.getMessage());
                return 2;
            }
            story = new Journey(template, local, local, local).tell(options.orderId, options.customer);
        }
        out.print(StoryText.of(story, source));
        boolean found = story.functions().stream().anyMatch(OrderStory.FunctionStory::reached);
        if (!found) {
            err.println("journey: nothing about order " + options.orderId + " in " + source);
        }
        return found ? 0 : 1;
    }

    /** A folder as the user would write it: relative to the working directory when it lies below it. */
    private static Path shown(Path folder) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = folder.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }

    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(
            B builder, Optional<String> region) {
        region.map(Region::of).ifPresent(builder::region);
        // AWS_ENDPOINT_URL (an emulator) is read by the SDK itself; an operator's tool acts as whoever runs it.
        return builder.credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** The parsed command line. */
    record Options(
            String orderId,
            Optional<Path> data,
            Optional<String> stack,
            Optional<String> region,
            Duration since,
            Optional<String> customer,
            Optional<Path> template) {

        static Options parse(String[] args) {
            String orderId = null;
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--")) {
                    if (!List.of("--data", "--stack", "--region", "--since", "--customer", "--template")
                            .contains(arg)) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    values.put(arg, args[++i]);
                } else if (orderId == null) {
                    orderId = arg;
                } else {
                    throw new IllegalArgumentException("one order id only, found " + orderId + " and " + arg);
                }
            }
            if (orderId == null) {
                throw new IllegalArgumentException("the order id is missing");
            }
            if (!ORDER_ID.matcher(orderId).matches()) {
                throw new IllegalArgumentException("order id '" + orderId + "' is not a UUID (checkout answers one,"
                        + " e.g. a984968f-7416-537c-a68f-ad24c9c4556c)");
            }
            if (values.containsKey("--data") && values.containsKey("--stack")) {
                throw new IllegalArgumentException("--data and --stack exclude each other: local data or a stack");
            }
            Optional<Path> template =
                    Optional.ofNullable(values.get("--template")).map(Path::of);
            template.filter(file -> !Files.isRegularFile(file)).ifPresent(file -> {
                throw new IllegalArgumentException("--template " + file + " is not a file");
            });
            return new Options(
                    orderId.toLowerCase(Locale.ROOT),
                    Optional.ofNullable(values.get("--data")).map(Path::of),
                    Optional.ofNullable(values.get("--stack")),
                    Optional.ofNullable(values.get("--region")),
                    since(values.getOrDefault("--since", "24h")),
                    Optional.ofNullable(values.get("--customer")),
                    template);
        }

        private static Duration since(String text) {
            var match = SINCE.matcher(text);
            if (!match.matches() || Long.parseLong(match.group(1)) == 0) {
                throw new IllegalArgumentException("--since " + text + " is not a duration such as 30m, 6h or 7d");
            }
            long amount = Long.parseLong(match.group(1));
            return switch (match.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
    }
}
