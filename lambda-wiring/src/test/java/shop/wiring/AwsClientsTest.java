package shop.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsClientsTest {

    /** Keys as Lambda puts them in a function's environment (example values). */
    private static final Map<String, String> LAMBDA_KEYS =
            Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token");

    static Stream<Arguments> credentialSources() {
        return Stream.of(
                Arguments.of(
                        "keys from the environment, as Lambda sets them", LAMBDA_KEYS, StaticCredentialsProvider.class),
                Arguments.of(
                        "container endpoint only, as SnapStart sets it",
                        Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/credentials"),
                        ContainerCredentialsProvider.class),
                Arguments.of(
                        "both: the container endpoint wins, so no key is frozen into a snapshot",
                        Map.of(
                                "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                                "http://127.0.0.1:9001/credentials",
                                "AWS_ACCESS_KEY_ID",
                                "AKIDEXAMPLE",
                                "AWS_SECRET_ACCESS_KEY",
                                "secret"),
                        ContainerCredentialsProvider.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentialSources")
    void choosesTheCredentialSourceTheEnvironmentOffers(String name, Map<String, String> variables, Class<?> expected) {
        var provider = AwsClients.credentials(new Environment("TestFunction", variables));

        assertThat(provider).isInstanceOf(expected);
    }

    @Test
    void keepsTheSessionTokenWithTheKeys() {
        var provider = AwsClients.credentials(new Environment("TestFunction", LAMBDA_KEYS));

        assertThat(provider.resolveCredentials())
                .isInstanceOfSatisfying(
                        AwsSessionCredentials.class,
                        credentials -> assertThat(credentials.sessionToken()).isEqualTo("token"));
    }

    @Test
    void noCredentialsFailsNamingWhatIsMissing() {
        assertThatThrownBy(() ->
                        AwsClients.credentials(new Environment("TestFunction", Map.of("AWS_REGION", "eu-west-1"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TestFunction")
                .hasMessageContaining("AWS_ACCESS_KEY_ID");
    }

    @Test
    void aKeyWithoutItsSecretFailsNamingTheSecret() {
        assertThatThrownBy(() -> AwsClients.credentials(
                        new Environment("TestFunction", Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"))))
                .hasMessage("Missing environment variable AWS_SECRET_ACCESS_KEY for TestFunction:"
                        + " declare it under the function's Environment in template.yaml");
    }

    @Test
    void aBlankVariableCountsAsMissing() {
        Environment env = new Environment("TestFunction", Map.of("EVENT_BUS_NAME", " "));

        assertThat(env.optional("EVENT_BUS_NAME")).isEmpty();
        assertThatThrownBy(() -> env.require("EVENT_BUS_NAME")).hasMessageContaining("EVENT_BUS_NAME for TestFunction");
    }
}
