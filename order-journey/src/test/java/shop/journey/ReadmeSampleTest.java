package shop.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README's journey output is what journey prints for the data folder it came from (kept in the test fixtures). */
class ReadmeSampleTest {

    private static final String START = "<!-- journey-sample:start -->\n```\n";
    private static final String END = "```\n<!-- journey-sample:end -->";

    @Test
    void theReadmeShowsWhatJourneyPrints() throws IOException {
        String readme = Files.readString(Samples.TEMPLATE_FILE.getParent().resolve("README.md"));
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README marker %s", START.strip()).isNotNegative();
        assertThat(end).as("README marker %s", END.strip()).isGreaterThan(start);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = JourneyCommand.run(
                new String[] {
                    "1a068d70-649c-47dd-a743-d5dbf5b5364c",
                    "--data",
                    "src/test/resources/local-data",
                    "--customer",
                    "cust-4711"
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)
                        .replace("(local data src/test/resources/local-data)", "(local data .local)"))
                .isEqualTo(readme.substring(start + START.length(), end));
    }
}
