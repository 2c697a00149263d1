package shop.checkout.fakes;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda Context for unit tests: fixed identifiers and a logger the test can read. */
public final class FakeContext implements Context {

    private final RecordingLogger logger = new RecordingLogger();

    /** What the handler logged during the invocations that used this context. */
    public RecordingLogger logger() {
        return logger;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    @Override
    public String getAwsRequestId() {
        return "0f4b3c1e-8d2a-4e6f-9b7c-5a1d2e3f4a5b";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/CheckoutFunction";
    }

    @Override
    public String getLogStreamName() {
        return "2025/03/12/[$LATEST]0123456789abcdef0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return "CheckoutFunction";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-1:123456789012:function:CheckoutFunction";
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
        return 10_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }
}
