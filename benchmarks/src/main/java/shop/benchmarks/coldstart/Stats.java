package shop.benchmarks.coldstart;

import java.util.List;

/**
 * Median and spread of a sample: nearest-rank percentiles, so every figure reported is one that was measured.
 *
 * @param p10 the 10th percentile (nearest rank), the low end of the spread reported
 * @param p90 the 90th percentile (nearest rank), the high end
 * @param p99 the 99th percentile (nearest rank), for latency tails
 */
public record Stats(int count, double median, double p10, double p90, double p99, double min, double max) {

    /** Statistics of {@code values}; needs at least one. */
    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No values to summarise");
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Stats(
                sorted.length,
                median(sorted),
                percentile(sorted, 10),
                percentile(sorted, 90),
                percentile(sorted, 99),
                sorted[0],
                sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p}% of the sample at or below it. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
