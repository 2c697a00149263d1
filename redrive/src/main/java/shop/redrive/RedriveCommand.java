package shop.redrive;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The operator's command: drains a consumer's dead-letter queue back into the consumer once the cause is fixed. Exit
 * code 0 when everything received was redriven (or, with {@code --dry-run}, would be); 1 when anything stayed behind
 * for an error; 2 for a wrong command line.
 */
public final class RedriveCommand {

    static final String USAGE = """
            usage: redrive --queue-url URL --function NAME|ARN[:ALIAS] [--dry-run] [--max N] [--region REGION]

              --queue-url  the consumer's dead-letter queue (stack output <Consumer>DeadLetterQueueUrl)
              --function   the consumer the queue belongs to; without :ALIAS the 'live' alias, never $LATEST
              --dry-run    list each message (kind, event id, order id, error); invoke and delete nothing
              --max N      receive at most N messages (default: all)
              --region     default: AWS_REGION
            Credentials come from the default chain (AWS_PROFILE, SSO, environment); AWS_ENDPOINT_URL points it at
            an emulator.""";

    private RedriveCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** The whole command, with its streams and environment passed in; returns the exit code. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        RedriveOptions options;
        try {
            options = RedriveOptions.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println("redrive: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (SqsClient sqs = configure(SqsClient.builder(), options).build();
                LambdaClient lambda = configure(LambdaClient.builder(), options)
                        .overrideConfiguration(o -> o.apiCallTimeout(LambdaRedelivery.INVOKE_BOUND))
                        .build()) {
            out.println((options.dryRun() ? "Dry run: listing" : "Redriving") + " dead letters from "
                    + options.queueUrl() + " into " + options.function()
                    + (options.max() == RedriveOptions.ALL ? "" : ", at most " + options.max()));
            RedriveReport report = new Redrive(
                            new SqsDeadLetterQueue(sqs, options.queueUrl()),
                            new LambdaRedelivery(lambda, options.function()),
                            options.function(),
                            options.dryRun(),
                            options.max(),
                            out::println)
                    .run();
            report.summary().forEach(out::println);
            return report.exitCode();
        }
    }

    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(
            B builder, RedriveOptions options) {
        builder.region(options.region())
                // An operator's tool, not a function: it acts as whoever runs it (an SSO or assume-role profile named
                // by AWS_PROFILE, keys in the environment, an instance role), which is what the default chain finds.
                // The functions' explicit credentials exist to keep discovery out of cold starts, which a command
                // line does not have.
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        // Longer than a long poll, which holds the connection open on purpose.
                        .socketTimeout(SqsDeadLetterQueue.LONG_POLL.plusSeconds(10))
                        .build());
        options.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }
}
