package shop.benchmarks.checkpoint;

/** Mirror of {@code jdk.crac.RestoreException}: a hook failed after the (emulated) restore. */
public class RestoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public RestoreException() {
        super();
    }
}
