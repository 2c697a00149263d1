package shop.wiring;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Configures an SDK v2 client builder from a function's environment: explicit region, explicit credentials, the
 * lightweight URL-connection HTTP client, and an endpoint override when {@code AWS_ENDPOINT_URL} is set (emulators and
 * the local runtime).
 *
 * <p>Nothing here is discovered at cold start: no region or credential provider chains, no HTTP client lookup.
 */
public final class AwsClients {

    /** Standard SDK variable; we read it from the given environment so tests need not touch the process's. */
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";

    private AwsClients() {}

    /** Returns {@code builder} set up from {@code env}, ready for {@code build()}. */
    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(
            B builder, Environment env) {
        builder.region(Region.of(env.require("AWS_REGION")))
                .credentialsProvider(credentials(env))
                .httpClient(httpClient());
        env.optional(ENDPOINT_VARIABLE).map(URI::create).ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * Returns {@code builder} set up for SnapStart priming: the region from {@code env} as in {@link #configure}, fixed
     * dummy credentials (resolving the real ones may need a network call) and {@code http}, which answers without one.
     * Endpoint resolution runs as in production, with no override.
     */
    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B offline(
            B builder, Environment env, SdkHttpClient http) {
        return builder.region(Region.of(env.require("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .httpClient(http);
    }

    /** One HTTP client per SDK client; cheap to create, no connection pool threads. */
    static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Lambda puts the execution role's keys in the environment; with SnapStart it gives a container endpoint instead.
     * Either is read explicitly, so a missing one fails here with its name rather than deep inside the first call.
     */
    static AwsCredentialsProvider credentials(Environment env) {
        // SnapStart functions get a container endpoint; it goes first so that keys seen while the snapshot is taken
        // are never frozen into it and replayed after they expired.
        if (env.optional("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            return ContainerCredentialsProvider.builder().build();
        }
        var accessKey = env.optional("AWS_ACCESS_KEY_ID");
        if (accessKey.isPresent()) {
            String secret = env.require("AWS_SECRET_ACCESS_KEY");
            return StaticCredentialsProvider.create(env.optional("AWS_SESSION_TOKEN")
                    .<AwsCredentials>map(token -> AwsSessionCredentials.create(accessKey.get(), secret, token))
                    .orElseGet(() -> AwsBasicCredentials.create(accessKey.get(), secret)));
        }
        throw new IllegalStateException("No AWS credentials in the environment of " + env.function()
                + ": expected AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (set by"
                + " Lambda) or AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }
}
