package shop.benchmarks.probe;

/** Marks, in a {@code -Xlog:class+load} trace, where the probe's invocation phase begins. */
final class PhaseMarker {

    private PhaseMarker() {}

    static void invocationStarts() {
        // Loading this class is the mark; nothing to do.
    }
}
