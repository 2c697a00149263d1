package shop.benchmarks.checkpoint;

/** Mirror of {@code jdk.crac.Context}: a resource that holds other resources. */
public abstract class Context<R extends Resource> implements Resource {

    protected Context() {}

    /** Adds {@code resource}; it is notified before the checkpoint and after the restore. */
    public abstract void register(R resource);
}
