package shop.benchmarks.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CostModelTest {

    static List<Arguments> durations() {
        return List.of(
                // 1 ms of CPU on a full core takes 1769/1024 ms at 1 GB, plus the wait, rounded up.
                Arguments.of("one GB stretches CPU time", 1000.0, 15.0, 1024, 17.0),
                Arguments.of("above one vCPU nothing stretches", 1000.0, 15.0, 2048, 16.0),
                Arguments.of("pure wait is billed whole", 0.0, 6.0, 1024, 6.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durations")
    void billedDurationIsStretchedCpuPlusWaitRoundedUp(
            String name, double cpuMicros, double waitMillis, int memoryMb, double billed) {
        // Arrange
        CostModel.FunctionCost function = new CostModel.FunctionCost("F", "f", 1, cpuMicros, waitMillis, memoryMb);

        // Act / Assert
        assertThat(function.billedMillis()).isEqualTo(billed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durations")
    void gigabyteSecondsFollowMemoryAndShareOfOrders(
            String name, double cpuMicros, double waitMillis, int memoryMb, double billed) {
        // Arrange: a function that sees half of all orders
        CostModel.FunctionCost function = new CostModel.FunctionCost("F", "f", 0.5, cpuMicros, waitMillis, memoryMb);

        // Act / Assert
        assertThat(function.gbSecondsPerOrder()).isCloseTo(0.5 * billed / 1000 * memoryMb / 1024, within(1e-12));
    }
}
