package shop.checkout.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.STANDARD;

    @Test
    void ceilingsDoubleFromTheBaseUpToTheCap() {
        var ceilings = IntStream.rangeClosed(1, 7)
                .mapToObj(policy::ceilingAfter)
                .map(Duration::toMillis)
                .toList();

        assertThat(ceilings).containsExactly(50L, 100L, 200L, 400L, 800L, 800L, 800L);
    }

    @Test
    void aHugeAttemptNumberStaysAtTheCap() {
        assertThat(policy.ceilingAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMillis(800));
    }

    record Draw(String name, int failedAttempt, double uniform, long expectedMillis) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Draw> draws() {
        return Stream.of(
                new Draw("lowest draw waits not at all", 1, 0.0, 0),
                new Draw("highest draw waits the whole ceiling", 1, 0.999_999, 50),
                new Draw("middle draw waits half", 2, 0.5, 50),
                new Draw("a draw of exactly 1 is held to the ceiling", 3, 1.0, 200),
                new Draw("a negative draw is held to zero", 3, -0.5, 0),
                new Draw("capped attempts draw under the cap", 9, 0.999_999, 800));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("draws")
    void fullJitterDrawsBetweenZeroAndTheCeiling(Draw draw) {
        Duration delay = policy.delayAfter(draw.failedAttempt(), draw.uniform());

        assertThat(delay).isEqualTo(Duration.ofMillis(draw.expectedMillis()));
    }

    @Test
    void refusesAPolicyWithoutAttempts() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(50), Duration.ofMillis(800)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesACapBelowTheBase() {
        assertThatThrownBy(() -> new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
