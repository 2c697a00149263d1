package shop.local.aws;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the stand-in did for each caller, in words: "PutItem ShipmentsTable orderId=...", "SendEmail -> file.eml". A
 * caller is known by the access key id its requests are signed with; the local runtime gives every function instance
 * its own, and an instance serves one invocation at a time, so the effects of one invocation can be told apart from
 * those of any other. Thread-safe.
 */
public final class Effects {

    /**
     * Beyond this many effects not taken, a caller's oldest are dropped: a client outside the runtime never takes its
     * own.
     */
    static final int MAX_PER_CALLER = 1000;

    private final ThreadLocal<String> caller = new ThreadLocal<>();
    private final Map<String, List<String>> byCaller = new ConcurrentHashMap<>();
    private final boolean recording;

    /** Effects that are recorded, for the local runtime's console. */
    public Effects() {
        this(true);
    }

    private Effects(boolean recording) {
        this.recording = recording;
    }

    /** Effects nobody reads: for a stand-in used on its own. */
    public static Effects none() {
        return new Effects(false);
    }

    /** Records an effect for the caller whose request is being served on this thread. */
    public void record(String effect) {
        String key = caller.get();
        if (recording && key != null) {
            List<String> effects = byCaller.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()));
            synchronized (effects) {
                if (effects.size() >= MAX_PER_CALLER) {
                    effects.remove(0);
                }
                effects.add(effect);
            }
        }
    }

    /** Everything recorded for {@code accessKeyId} since the last call, oldest first; clears it. */
    public List<String> take(String accessKeyId) {
        List<String> effects = accessKeyId == null ? null : byCaller.remove(accessKeyId);
        if (effects == null) {
            return List.of();
        }
        synchronized (effects) {
            return List.copyOf(effects);
        }
    }

    void serving(String accessKeyId) {
        caller.set(accessKeyId);
    }

    void served() {
        caller.remove();
    }
}
