package shop.benchmarks.coldstart;

/**
 * One fresh JVM, timed. {@code total} is measured by the driver from process start to exit; the rest by the probe
 * inside the JVM ({@code boot} is from process start to {@code main}, at millisecond resolution).
 *
 * @param init handler class loading and construction, as Lambda's Init phase
 * @param prime the SnapStart hooks, 0 unless the variant is primed (on Lambda they run before the snapshot)
 * @param invoke event deserialization, the first {@code handleRequest} and response serialization
 */
record Launch(double total, double boot, double init, double prime, double invoke) {

    /** Whole process minus what the probe accounts for: JVM shutdown and the driver's own process overhead. */
    double exit() {
        return total - boot - init - prime - invoke;
    }

    /** What Lambda bills as a cold start without SnapStart: Init plus the first invocation, JVM boot included. */
    double coldStart() {
        return boot + init + invoke;
    }
}
