package shop.wiring.priming;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import shop.wiring.InvocationContext;

/**
 * The invocation context priming hands a handler: its logger formats every line as a real invocation would and then
 * drops it, so priming neither pollutes the function's log nor skips the logging code. Thread-safe.
 */
public final class PrimingContext extends InvocationContext {

    private static final LambdaLogger DISCARDING = new LambdaLogger() {
        @Override
        public void log(String message) {
            // formatted by the caller, then dropped
        }

        @Override
        public void log(byte[] message) {
            // formatted by the caller, then dropped
        }
    };

    public PrimingContext(String functionName) {
        super(functionName, "priming");
    }

    @Override
    public LambdaLogger getLogger() {
        return DISCARDING;
    }
}
