package shop.emulator;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import shop.template.FunctionResource;

/**
 * Hands an event to a handler the way Lambda's Java runtime does: a stream handler gets the JSON's bytes, a typed
 * handler its input, with a Lambda context of the template function. SDK calls the handler makes are attributed to the function. Thread-safe.
 */
public final class LambdaInvoke {

    private LambdaInvoke() {}

    /** Delivers a routed envelope to a consumer, as the rule's Lambda target would: its bytes, as the runtime streams them. */
    public static void deliver(FunctionResource function, RequestStreamHandler handler, JsonNode envelope) {
        byte[] input = envelope.toString().getBytes(StandardCharsets.UTF_8);
        SdkCalls.as(function.logicalId(), () -> {
            try {
                handler.handleRequest(new ByteArrayInputStream(input), OutputStream.nullOutputStream(),
                        FunctionContext.invocationOf(function));
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Invokes {@code handler} as {@code function}; whatever it throws reaches the caller, as Lambda would report it. */
    public static <I, O> O invoke(FunctionResource function, RequestHandler<I, O> handler, I input) {
        return SdkCalls.as(function.logicalId(), () -> handler.handleRequest(input, FunctionContext.invocationOf(function)));
    }
}
