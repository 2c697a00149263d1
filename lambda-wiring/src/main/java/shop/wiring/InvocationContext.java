package shop.wiring;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;

/**
 * The Lambda context of an invocation we make ourselves (priming, unit and emulator tests, benchmarks): named by its
 * function and request id as Lambda names them; subclasses supply the logger. Thread-safe if the logger is. The local
 * runtime's context is not one: its memory, ARN and deadline come from the template, not fixed values.
 */
public abstract class InvocationContext implements Context {

    private final String function;
    private final String requestId;

    protected InvocationContext(String function, String requestId) {
        this.function = function;
        this.requestId = requestId;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return function;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        // The documentation account id: never a real one.
        return "arn:aws:lambda:us-east-1:000000000000:function:" + function;
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
        return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }
}
