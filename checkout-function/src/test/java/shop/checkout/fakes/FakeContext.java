package shop.checkout.fakes;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import shop.wiring.InvocationContext;

/** A Lambda Context for unit tests: fixed identifiers and a logger the test can read. */
public final class FakeContext extends InvocationContext {

    private final RecordingLogger logger = new RecordingLogger();

    public FakeContext() {
        super("CheckoutFunction", "0f4b3c1e-8d2a-4e6f-9b7c-5a1d2e3f4a5b");
    }

    /** What the handler logged during the invocations that used this context. */
    public RecordingLogger logger() {
        return logger;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
