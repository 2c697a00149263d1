package shop.benchmarks.checkpoint;

/** Mirror of {@code jdk.crac.CheckpointException}: a hook failed before the (emulated) snapshot. */
public class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckpointException() {
        super();
    }
}
