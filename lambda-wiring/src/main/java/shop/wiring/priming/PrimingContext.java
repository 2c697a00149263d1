package shop.wiring.priming;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.EnumMap;
import java.util.Map;
import shop.wiring.InvocationContext;

/**
 * The invocation context priming hands a handler: its logger takes every line (log lines and metrics alike) after the
 * caller formatted it as a real invocation would, counts it by level and drops it, so priming neither pollutes the
 * function's log and metrics nor skips the code that writes them. Thread-safe.
 */
public final class PrimingContext extends InvocationContext {

    private final Map<LogLevel, Integer> dropped = new EnumMap<>(LogLevel.class);

    private final LambdaLogger discarding = new LambdaLogger() {
        @Override
        public void log(String message) {
            count(LogLevel.UNDEFINED);
        }

        @Override
        public void log(byte[] message) {
            count(LogLevel.UNDEFINED);
        }

        @Override
        public void log(String message, LogLevel level) {
            count(level);
        }

        @Override
        public void log(byte[] message, LogLevel level) {
            count(level);
        }
    };

    public PrimingContext(String functionName) {
        super(functionName, "priming");
    }

    @Override
    public LambdaLogger getLogger() {
        return discarding;
    }

    /** How many lines were formatted and dropped, by level (metrics lines are UNDEFINED), so tests can see coverage. */
    public synchronized Map<LogLevel, Integer> dropped() {
        return Map.copyOf(dropped);
    }

    private synchronized void count(LogLevel level) {
        dropped.merge(level, 1, Integer::sum);
    }
}
