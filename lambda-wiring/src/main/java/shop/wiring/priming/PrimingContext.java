package shop.wiring.priming;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The invocation context priming hands a handler: its logger formats every line as a real invocation would and then
 * drops it, so priming neither pollutes the function's log nor skips the logging code. Thread-safe.
 */
public final class PrimingContext implements Context {

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

    private final String functionName;

    public PrimingContext(String functionName) {
        this.functionName = functionName;
    }

    @Override
    public String getAwsRequestId() {
        return "priming";
    }

    @Override
    public String getLogGroupName() {
        return "priming";
    }

    @Override
    public String getLogStreamName() {
        return "priming";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "priming";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "priming";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 20_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return DISCARDING;
    }
}
