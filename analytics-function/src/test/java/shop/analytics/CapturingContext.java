package shop.analytics;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A Lambda context whose logger keeps every line, so tests can read what the handler logged. */
final class CapturingContext implements Context, LambdaLogger {

    private final List<String> lines = new ArrayList<>();

    /** Every line logged so far, oldest first. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Everything logged so far as one string, for "never contains" checks. */
    String all() {
        return String.join("\n", lines);
    }

    @Override
    public void log(String message) {
        lines.add(message);
    }

    @Override
    public void log(byte[] message) {
        lines.add(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public LambdaLogger getLogger() {
        return this;
    }

    @Override
    public String getAwsRequestId() {
        return "test-request";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/analytics-function";
    }

    @Override
    public String getLogStreamName() {
        return "test-stream";
    }

    @Override
    public String getFunctionName() {
        return "analytics-function";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-1:123456789012:function:analytics-function";
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
}
