package shop.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void nearestRankPercentilesAreMeasuredValues() {
        // Arrange: 1..10 in scrambled order
        List<Double> values = List.of(7.0, 1.0, 10.0, 3.0, 5.0, 2.0, 9.0, 4.0, 8.0, 6.0);

        // Act
        Stats stats = Stats.of(values);

        // Assert
        assertThat(stats).isEqualTo(new Stats(10, 5.5, 1.0, 9.0, 10.0, 1.0, 10.0));
    }

    @Test
    void anOddSampleHasItsMiddleValueAsMedian() {
        // Arrange
        List<Double> values =
                IntStream.rangeClosed(1, 11).mapToObj(i -> (double) i).toList();

        // Act
        Stats stats = Stats.of(values);

        // Assert
        assertThat(stats.median()).isEqualTo(6.0);
        assertThat(stats.p10()).isEqualTo(2.0);
        assertThat(stats.p90()).isEqualTo(10.0);
        assertThat(stats.p99()).isEqualTo(11.0);
    }

    @Test
    void anEmptySampleIsRefused() {
        assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
