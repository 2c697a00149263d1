package shop.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command's own behaviour before any AWS call: help and refused command lines. */
class RedriveCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsUsageAndSucceeds() {
        // Act
        int code = run("--help");

        // Assert
        assertThat(code).isZero();
        assertThat(text(out)).startsWith("usage: redrive --queue-url URL --function NAME|ARN[:ALIAS]");
    }

    @Test
    void wrongCommandLineExitsWithTwoAndSaysWhy() {
        // Act
        int code = run("--queue-url", "https://sqs.eu-west-1.amazonaws.com/123456789012/q");

        // Assert
        assertThat(code).isEqualTo(2);
        assertThat(text(err)).startsWith("redrive: --function is required").contains("usage:");
        assertThat(text(out)).isEmpty();
    }

    private int run(String... args) {
        return RedriveCommand.run(
                args,
                Map.of("AWS_REGION", "eu-west-1"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
