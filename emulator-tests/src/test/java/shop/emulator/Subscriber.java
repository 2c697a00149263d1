package shop.emulator;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import shop.template.FunctionResource;

/**
 * A subscriber of the bus: each function of {@code template.yaml} with an EventBridge rule, found there (so a new one
 * joins the emulator flows without an edit here) and built the way Lambda builds it, from the handler class the
 * template names, through its environment-map constructor, with this run's environment, so it uses real SDK clients
 * against the emulator.
 */
public record Subscriber(FunctionResource function) {

    /** Every function with a rule, in template order. */
    public static List<Subscriber> all() {
        return EmulatorStack.TEMPLATE.functions().stream()
                .filter(function -> !function.rules().isEmpty())
                .map(Subscriber::new)
                .toList();
    }

    /** The subscriber with this logical id; fails naming the subscribers there are. */
    public static Subscriber named(String logicalId) {
        return all().stream()
                .filter(subscriber -> subscriber.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        logicalId + " has no EventBridgeRule in template.yaml;" + " subscribers are " + all()));
    }

    public String logicalId() {
        return function.logicalId();
    }

    /** The handler class the template names, loaded from the function's module on the class path. */
    public Class<?> handlerClass() {
        try {
            return Class.forName(function.handlerClass());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    logicalId() + " handler " + function.handlerClass() + " is not on the class"
                            + " path; add its module to emulator-tests/pom.xml",
                    e);
        }
    }

    /** A fresh handler instance, as in a new Lambda execution environment, with this run's environment. */
    @SuppressWarnings("unchecked")
    public RequestStreamHandler coldStart(ProvisionedStack stack) {
        try {
            return (RequestStreamHandler)
                    handlerClass().getConstructor(Map.class).newInstance(stack.environmentOf(logicalId()));
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(
                    function.handlerClass() + " has no public constructor taking the"
                            + " environment as a Map<String, String>, which the emulator suite builds handlers with",
                    e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(function.handlerClass() + " failed to start", e.getCause());
        }
    }

    /** Delivers a routed envelope to {@code handler}, as this function's rule target would. */
    public void deliver(RequestStreamHandler handler, JsonNode envelope) {
        LambdaInvoke.deliver(function, handler, envelope);
    }

    @Override
    public String toString() {
        return logicalId();
    }
}
