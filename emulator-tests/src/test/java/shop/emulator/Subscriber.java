package shop.emulator;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;
import shop.email.EmailHandler;
import shop.rewards.RewardsHandler;
import shop.template.FunctionResource;
import shop.warehouse.WarehouseHandler;

/**
 * The bus's three subscribers, each built the way Lambda builds it (the handler class the template names, through its
 * environment-map constructor) with this run's environment, so it uses real SDK clients against the emulator.
 */
public enum Subscriber {
    EMAIL("EmailFunction", EmailHandler::new),
    WAREHOUSE("WarehouseFunction", WarehouseHandler::new),
    REWARDS("RewardsFunction", RewardsHandler::new);

    private final String logicalId;
    private final Function<Map<String, String>, RequestHandler<ScheduledEvent, Void>> constructor;

    Subscriber(String logicalId, Function<Map<String, String>, RequestHandler<ScheduledEvent, Void>> constructor) {
        this.logicalId = logicalId;
        this.constructor = constructor;
    }

    public String logicalId() {
        return logicalId;
    }

    public FunctionResource function() {
        return EmulatorStack.TEMPLATE.function(logicalId);
    }

    /** A fresh handler instance, as in a new Lambda execution environment; fails if the template names another class. */
    public RequestHandler<ScheduledEvent, Void> coldStart(ProvisionedStack stack) {
        RequestHandler<ScheduledEvent, Void> handler = constructor.apply(stack.environmentOf(logicalId));
        if (!handler.getClass().getName().equals(function().handlerClass())) {
            throw new IllegalStateException("template.yaml says " + logicalId + " runs " + function().handlerClass()
                    + ", the suite builds " + handler.getClass().getName());
        }
        return handler;
    }

    /** Delivers a routed envelope to {@code handler}, as this function's rule target would. */
    public void deliver(RequestHandler<ScheduledEvent, Void> handler, JsonNode envelope) {
        LambdaInvoke.deliver(function(), handler, envelope);
    }

    @Override
    public String toString() {
        return logicalId;
    }
}
