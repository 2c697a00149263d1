package shop.subscriber;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import shop.wiring.AwsClients;
import shop.wiring.Environment;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * What a subscriber's domain action is built from: its environment, its SDK clients and a clock. Real clients for
 * Lambda, or clients that answer from a canned HTTP client, without network, for SnapStart priming.
 *
 * <p>Closing it closes the offline clients it built; real clients live as long as the container.
 */
public final class Wiring implements AutoCloseable {

    private final Environment env;
    private final SdkHttpClient offline;
    private final List<SdkClient> built = new ArrayList<>();

    private Wiring(Environment env, SdkHttpClient offline) {
        this.env = env;
        this.offline = offline;
    }

    static Wiring real(Environment env) {
        return new Wiring(env, null);
    }

    static Wiring offline(Environment env, SdkHttpClient http) {
        return new Wiring(env, http);
    }

    /** The value of an environment variable declared in template.yaml; fails naming it and the function. */
    public String require(String name) {
        return env.require(name);
    }

    /** Builds the client {@code builder} makes, configured by {@link AwsClients} (or offline while priming). */
    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkClient> C client(B builder) {
        if (offline == null) {
            return AwsClients.configure(builder, env).build();
        }
        C client = AwsClients.offline(builder, env, offline).build();
        built.add(client);
        return client;
    }

    /** The clock effects are stamped with. */
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public void close() {
        built.forEach(SdkClient::close);
    }
}
