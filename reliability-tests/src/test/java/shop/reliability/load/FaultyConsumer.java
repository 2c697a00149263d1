package shop.reliability.load;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test-only Lambda handler: wraps a real consumer and fails a random share of its invocations, half before the consumer
 * runs (nothing done) and half after it finished (done, yet reported failed, as when a function times out after its
 * last write). Declared only by the load run's fixture template, in place of the consumer's own handler; production
 * handlers carry no fault injection.
 */
public final class FaultyConsumer implements RequestStreamHandler {

    /** The wrapped handler's class; it must have the {@code Map<String, String>} environment constructor. */
    public static final String WRAPS = "FAULTY_WRAPS";
    /** Share of invocations that fail, e.g. {@code 0.05}. */
    public static final String FAILURE_RATE = "FAULTY_FAILURE_RATE";

    private final RequestStreamHandler consumer;
    private final double failureRate;

    public FaultyConsumer(Map<String, String> environment) {
        this.consumer = wrapped(environment.get(WRAPS), environment);
        this.failureRate = Double.parseDouble(environment.get(FAILURE_RATE));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        double draw = ThreadLocalRandom.current().nextDouble();
        if (draw < failureRate / 2) {
            throw new InjectedFault("before the consumer ran");
        }
        consumer.handleRequest(input, output, context);
        if (draw >= 1 - failureRate / 2) {
            throw new InjectedFault("after the consumer ran");
        }
    }

    /** The failure this wrapper injects, recognisable by type in the runtime's ledger and dead letters. */
    public static final class InjectedFault extends RuntimeException {
        InjectedFault(String when) {
            super("Injected fault " + when);
        }
    }

    @SuppressWarnings("unchecked")
    private static RequestStreamHandler wrapped(String className, Map<String, String> environment) {
        try {
            return (RequestStreamHandler)
                    Class.forName(className).getConstructor(Map.class).newInstance(environment);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The wrapped handler " + className + " failed to start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    WRAPS + " names no handler with an environment constructor: " + className, e);
        }
    }
}
