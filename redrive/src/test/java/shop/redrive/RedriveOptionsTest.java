package shop.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;

class RedriveOptionsTest {

    private static final String QUEUE =
            "https://sqs.eu-west-1.amazonaws.com/123456789012/shop-EmailDeadLetterQueue-Q1W2E3R4T5Y6";
    private static final Map<String, String> IN_IRELAND = Map.of("AWS_REGION", "eu-west-1");

    @Test
    void fullCommandLineIsRead() {
        // Act
        RedriveOptions options = RedriveOptions.parse(
                new String[] {
                    "--queue-url",
                    QUEUE,
                    "--function",
                    "shop-EmailFunction-A1B2C3D4E5F6",
                    "--dry-run",
                    "--max",
                    "5",
                    "--region",
                    "eu-central-1"
                },
                Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));

        // Assert
        assertThat(options.queueUrl()).isEqualTo(QUEUE);
        assertThat(options.function()).isEqualTo(Samples.EMAIL);
        assertThat(options.dryRun()).isTrue();
        assertThat(options.max()).isEqualTo(5);
        assertThat(options.region()).as("--region wins over AWS_REGION").isEqualTo(Region.EU_CENTRAL_1);
        assertThat(options.endpoint()).contains(URI.create("http://127.0.0.1:5000"));
    }

    @Test
    void leanCommandLineTakesDefaults() {
        // Act
        RedriveOptions options = RedriveOptions.parse(
                new String[] {"--function", "shop-EmailFunction-A1B2C3D4E5F6", "--queue-url", QUEUE}, IN_IRELAND);

        // Assert
        assertThat(options.dryRun()).isFalse();
        assertThat(options.max()).isEqualTo(RedriveOptions.ALL);
        assertThat(options.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(options.endpoint()).isEqualTo(Optional.empty());
        assertThat(options.function().qualifier()).isEqualTo("live");
    }

    static Stream<Arguments> wrong() {
        return Stream.of(
                Arguments.of("no queue", new String[] {"--function", "email"}, IN_IRELAND, "--queue-url is required"),
                Arguments.of(
                        "queue name instead of URL",
                        new String[] {"--queue-url", "shop-EmailDeadLetterQueue", "--function", "email"},
                        IN_IRELAND,
                        "--queue-url must be the queue's URL"),
                Arguments.of("no function", new String[] {"--queue-url", QUEUE}, IN_IRELAND, "--function is required"),
                Arguments.of(
                        "function without value",
                        new String[] {"--queue-url", QUEUE, "--function"},
                        IN_IRELAND,
                        "--function needs a value"),
                Arguments.of(
                        "option as value",
                        new String[] {"--queue-url", "--function", "email"},
                        IN_IRELAND,
                        "--queue-url needs a value"),
                Arguments.of(
                        "max zero",
                        new String[] {"--queue-url", QUEUE, "--function", "email", "--max", "0"},
                        IN_IRELAND,
                        "--max must be a whole number of at least 1, not '0'"),
                Arguments.of(
                        "max not a number",
                        new String[] {"--queue-url", QUEUE, "--function", "email", "--max", "ten"},
                        IN_IRELAND,
                        "not 'ten'"),
                Arguments.of(
                        "unknown option",
                        new String[] {"--queue-url", QUEUE, "--function", "email", "--force"},
                        IN_IRELAND,
                        "unknown option '--force'"),
                Arguments.of(
                        "no region anywhere",
                        new String[] {"--queue-url", QUEUE, "--function", "email"},
                        Map.of(),
                        "no region: pass --region or set AWS_REGION"),
                Arguments.of(
                        "$LATEST",
                        new String[] {"--queue-url", QUEUE, "--function", "email:$LATEST"},
                        IN_IRELAND,
                        "bypass the live alias"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    void wrongCommandLineIsRefusedSayingWhy(
            String name, String[] args, Map<String, String> environment, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RedriveOptions.parse(args, environment))
                .withMessageContaining(message);
    }
}
