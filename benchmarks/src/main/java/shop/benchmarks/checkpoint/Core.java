package shop.benchmarks.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Stand-in for the CRaC implementation of Lambda's SnapStart runtime, for JVMs that have none. Started with
 * {@code -Dorg.crac.Core.Compat=shop.benchmarks.checkpoint}, the {@code org.crac} library registers the functions'
 * hooks here, and {@code org.crac.Core.checkpointRestore()} runs them as SnapStart does: every
 * {@code beforeCheckpoint}, last registered first, then every {@code afterRestore}, first registered first. No snapshot
 * is taken: the process simply carries on, primed. Not thread-safe; the probe calls it from its main thread only.
 */
public final class Core {

    private static final GlobalContext GLOBAL = new GlobalContext();

    private Core() {}

    /** The context {@code org.crac.Core.getGlobalContext().register(...)} reaches. */
    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** Runs the hooks; a failing hook fails the "checkpoint", as it fails the publication of a SnapStart version. */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        try {
            GLOBAL.beforeCheckpoint(null);
        } catch (Exception e) {
            CheckpointException failed = new CheckpointException();
            failed.initCause(e);
            throw failed;
        }
        try {
            GLOBAL.afterRestore(null);
        } catch (Exception e) {
            RestoreException failed = new RestoreException();
            failed.initCause(e);
            throw failed;
        }
    }

    /** Holds hooks strongly: the probe runs them once and exits. */
    private static final class GlobalContext extends Context<Resource> {

        private final List<Resource> resources = new ArrayList<>();

        @Override
        public void register(Resource resource) {
            resources.add(resource);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).beforeCheckpoint(this);
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) throws Exception {
            for (Resource resource : resources) {
                resource.afterRestore(this);
            }
        }
    }
}
