package shop.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JourneyCommandTest {

    private static final String DATA = "src/test/resources/local-data";
    private static final String ORDER = "1a068d70-649c-47dd-a743-d5dbf5b5364c";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return JourneyCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                Arguments.of("no order id", new String[] {"--data", DATA}, "the order id is missing"),
                Arguments.of("not a UUID", new String[] {"order-1"}, "is not a UUID"),
                Arguments.of("two order ids", new String[] {ORDER, ORDER}, "one order id only"),
                Arguments.of("unknown option", new String[] {ORDER, "--verbose"}, "unknown option --verbose"),
                Arguments.of("option without value", new String[] {ORDER, "--stack"}, "--stack needs a value"),
                Arguments.of(
                        "local and stack", new String[] {ORDER, "--data", DATA, "--stack", "s"}, "exclude each other"),
                Arguments.of("since not a duration", new String[] {ORDER, "--since", "yesterday"}, "--since yesterday"),
                Arguments.of("since zero", new String[] {ORDER, "--since", "0h"}, "--since 0h"),
                Arguments.of("no data folder", new String[] {ORDER, "--data", "target/none"}, "run ./run-local first"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommandLines")
    void aBadCommandLineIsNamedAndExitsTwo(String name, String[] args, String message) {
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aKnownOrderIsToldAndExitsZero() {
        assertThat(run(ORDER, "--data", DATA)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Order " + ORDER)
                .contains("attempt 1");
    }

    @Test
    void anOrderNobodyWroteAboutExitsOne() {
        assertThat(run("00000000-0000-4000-8000-000000000000", "--data", DATA)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("nothing about order 00000000-0000-4000-8000-000000000000");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: journey <orderId>");
    }
}
