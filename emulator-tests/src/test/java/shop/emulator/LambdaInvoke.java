package shop.emulator;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import shop.template.FunctionResource;

/**
 * Hands an event to a handler the way Lambda's Java runtime does: the JSON it received goes through the runtime's own
 * event serializers into the handler's input type, with a {@link com.amazonaws.services.lambda.runtime.Context} of the
 * template function. SDK calls the handler makes are attributed to the function. Thread-safe.
 */
public final class LambdaInvoke {

    private static final PojoSerializer<ScheduledEvent> EVENTBRIDGE =
            LambdaEventSerializers.serializerFor(ScheduledEvent.class, LambdaInvoke.class.getClassLoader());

    private LambdaInvoke() {}

    /** The EventBridge envelope as the Java runtime gives it to a {@code RequestHandler<ScheduledEvent, ?>}. */
    public static ScheduledEvent eventBridgeEvent(JsonNode envelope) {
        return EVENTBRIDGE.fromJson(envelope.toString());
    }

    /** Delivers a routed envelope to a consumer, as the rule's Lambda target would. */
    public static void deliver(FunctionResource function, RequestHandler<ScheduledEvent, Void> handler, JsonNode envelope) {
        invoke(function, handler, eventBridgeEvent(envelope));
    }

    /** Invokes {@code handler} as {@code function}; whatever it throws reaches the caller, as Lambda would report it. */
    public static <I, O> O invoke(FunctionResource function, RequestHandler<I, O> handler, I input) {
        return SdkCalls.as(function.logicalId(), () -> handler.handleRequest(input, FunctionContext.invocationOf(function)));
    }
}
