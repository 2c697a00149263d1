package shop.wiring.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Lambda context whose logger keeps each line with the level it was given, and refuses the two calls the runtime
 * would wrap in its own JSON (a {@code String}, or bytes without a level). Thread-safe.
 */
public final class RecordingContext implements Context, LambdaLogger {

    /** One line as the runtime received it. */
    public record Line(LogLevel level, String text) {}

    private final String requestId;
    private final List<Line> lines = new ArrayList<>();

    public RecordingContext(String requestId) {
        this.requestId = requestId;
    }

    /** Every line so far, oldest first. */
    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public synchronized void log(byte[] message, LogLevel level) {
        lines.add(new Line(level, new String(message, StandardCharsets.UTF_8)));
    }

    @Override
    public void log(String message) {
        throw new AssertionError("Under LogFormat JSON the runtime wraps a String as an escaped message: " + message);
    }

    @Override
    public void log(byte[] message) {
        throw new AssertionError("Bytes without a level reach CloudWatch as level UNDEFINED");
    }

    @Override
    public LambdaLogger getLogger() {
        return this;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/test";
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return "test";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-1:000000000000:function:test";
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
