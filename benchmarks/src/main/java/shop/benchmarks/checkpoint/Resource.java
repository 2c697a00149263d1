package shop.benchmarks.checkpoint;

/** Mirror of {@code jdk.crac.Resource}: what {@code org.crac} registers through {@link Core}. */
public interface Resource {

    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
