package shop.emulator;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import shop.template.FunctionResource;

/**
 * Hands an event to a handler the way Lambda's Java runtime does: every function here is a stream handler, given the
 * JSON's bytes and a Lambda context of the template function. SDK calls the handler makes are attributed to the
 * function. Thread-safe.
 */
public final class LambdaInvoke {

    private static final ObjectMapper ANSWERS =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LambdaInvoke() {}

    /**
     * Delivers a routed envelope to a consumer, as the rule's Lambda target would: its bytes, as the runtime streams
     * them.
     */
    public static void deliver(FunctionResource function, RequestStreamHandler handler, JsonNode envelope) {
        byte[] input = envelope.toString().getBytes(StandardCharsets.UTF_8);
        SdkCalls.as(function.logicalId(), () -> {
            try {
                handler.handleRequest(
                        new ByteArrayInputStream(input),
                        OutputStream.nullOutputStream(),
                        FunctionContext.invocationOf(function));
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Invokes {@code handler} as {@code function} with the event's bytes, as the runtime streams them, and reads what
     * it wrote as {@code answer}; whatever it throws reaches the caller, as Lambda would report it.
     */
    public static <O> O respond(
            FunctionResource function, RequestStreamHandler handler, byte[] input, Class<O> answer) {
        return SdkCalls.as(function.logicalId(), () -> {
            try {
                var output = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(input), output, FunctionContext.invocationOf(function));
                return ANSWERS.readValue(output.toByteArray(), answer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
