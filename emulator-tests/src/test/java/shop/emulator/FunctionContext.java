package shop.emulator;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import shop.template.FunctionResource;
import shop.wiring.InvocationContext;

/**
 * The Lambda context of one invocation of a template function: its name, memory and timeout as the template declares
 * them; log lines go to standard output, as Lambda sends them to CloudWatch.
 */
final class FunctionContext extends InvocationContext {

    private static final LambdaLogger STANDARD_OUTPUT = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    };

    private final FunctionResource function;

    private FunctionContext(FunctionResource function) {
        super(function.logicalId(), UUID.randomUUID().toString());
        this.function = function;
    }

    static FunctionContext invocationOf(FunctionResource function) {
        return new FunctionContext(function);
    }

    @Override
    public int getRemainingTimeInMillis() {
        return function.timeout() * 1000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memorySize();
    }

    @Override
    public LambdaLogger getLogger() {
        return STANDARD_OUTPUT;
    }
}
