package shop.emulator;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;
import shop.analytics.AnalyticsHandler;
import shop.email.EmailHandler;
import shop.rewards.RewardsHandler;
import shop.template.FunctionResource;
import shop.warehouse.WarehouseHandler;

/**
 * The bus's subscribers, each built the way Lambda builds it (the handler class the template names, through its
 * environment-map constructor) with this run's environment, so it uses real SDK clients against the emulator.
 */
public enum Subscriber {
    EMAIL("EmailFunction", EmailHandler.class, EmailHandler::new),
    WAREHOUSE("WarehouseFunction", WarehouseHandler.class, WarehouseHandler::new),
    REWARDS("RewardsFunction", RewardsHandler.class, RewardsHandler::new),
    ANALYTICS("AnalyticsFunction", AnalyticsHandler.class, AnalyticsHandler::new);

    private final String logicalId;
    private final Class<?> handlerClass;
    private final Function<Map<String, String>, RequestStreamHandler> constructor;

    Subscriber(String logicalId, Class<?> handlerClass,
               Function<Map<String, String>, RequestStreamHandler> constructor) {
        this.logicalId = logicalId;
        this.handlerClass = handlerClass;
        this.constructor = constructor;
    }

    public String logicalId() {
        return logicalId;
    }

    public Class<?> handlerClass() {
        return handlerClass;
    }

    public FunctionResource function() {
        return EmulatorStack.TEMPLATE.function(logicalId);
    }

    /** A fresh handler instance, as in a new Lambda execution environment, with this run's environment. */
    public RequestStreamHandler coldStart(ProvisionedStack stack) {
        return constructor.apply(stack.environmentOf(logicalId));
    }

    /** Delivers a routed envelope to {@code handler}, as this function's rule target would. */
    public void deliver(RequestStreamHandler handler, JsonNode envelope) {
        LambdaInvoke.deliver(function(), handler, envelope);
    }

    @Override
    public String toString() {
        return logicalId;
    }
}
