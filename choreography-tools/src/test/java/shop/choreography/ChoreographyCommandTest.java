package shop.choreography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChoreographyCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The README's example: the answer for the field the rewards rule filters on. */
    @Test
    void impactPrintsWhoIsAffected() {
        int status = run("impact", "customer.rewardsSignup");

        assertThat(status).isZero();
        assertThat(text(out)).isEqualTo("""
                Changing OrderCreated field customer.rewardsSignup (boolean, required) affects:
                  rules whose pattern uses it: 1
                    RewardsFunctionOrderCreated -> RewardsFunction   customer.rewardsSignup = true
                  consumers whose contract reads it: none
                """);
    }

    @Test
    void checkPassesOnThisRepository() {
        int status = run("check");

        assertThat(text(err)).isEmpty();
        assertThat(status).isZero();
        assertThat(text(out)).contains("schemas, contracts, rules and map agree");
    }

    static Stream<Arguments> badUsage() {
        return Stream.of(
                Arguments.of("no command", new String[] {}, "usage: impact"),
                Arguments.of("unknown command", new String[] {"draw"}, "usage: impact"),
                Arguments.of("impact without a field", new String[] {"impact"}, "usage: impact"),
                Arguments.of(
                        "impact of an unknown field",
                        new String[] {"impact", "customer.phone"},
                        "OrderCreated has no field 'customer.phone'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUsage")
    void badUsageExitsWithTwoSayingWhy(String name, String[] arguments, String message) {
        int status = run(arguments);

        assertThat(status).isEqualTo(2);
        assertThat(text(err)).contains(message);
    }

    private int run(String... arguments) {
        return ChoreographyCommand.run(arguments, Fixtures.repository(), stream(out), stream(err));
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
