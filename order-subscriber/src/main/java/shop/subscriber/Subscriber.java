package shop.subscriber;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import shop.events.ConsumerContract;
import shop.events.SchemaCheck;
import shop.wiring.Environment;
import shop.wiring.priming.CannedHttpClient;

/**
 * One OrderCreated subscriber, declared once per function: its name (the template's logical id), the log event of its
 * effect, its own contract schema, and how its domain action is wired from the environment. Thread-safe.
 */
public final class Subscriber {

    /** How often priming delivers the priming order: enough to load every class on the path and have C1 compile. */
    public static final int PRIMING_ROUNDS = 10;

    private final String function;
    private final String logEvent;
    private final ConsumerContract contract;
    private final Function<Wiring, OrderAction> wiring;

    /**
     * @param function the template's logical id, e.g. {@code WarehouseFunction}, used in logs and errors
     * @param logEvent the event name of the line logged for each handled order, e.g. {@code shipment.requested}
     * @param contractResource class-path location of the subscriber's own schema of the fields it reads
     * @param wiring builds the domain action from real clients, or from offline ones while priming
     */
    public Subscriber(String function, String logEvent, String contractResource, Function<Wiring, OrderAction> wiring) {
        this.function = function;
        this.logEvent = logEvent;
        this.contract = new ConsumerContract(
                function, Set.of("1"), SchemaCheck.fromClasspath(Subscriber.class, contractResource));
        this.wiring = wiring;
    }

    /** The handler Lambda runs: real clients from {@code environment}, and SnapStart priming registered. */
    public DeliveryHandler start(Map<String, String> environment) {
        Environment env = new Environment(function, environment);
        DeliveryHandler handler = over(wiring.apply(Wiring.real(env)));
        SubscriberPriming.register(this, environment);
        return handler;
    }

    /** A handler over {@code action}, for tests and suites that bring their own stores. */
    public DeliveryHandler over(OrderAction action) {
        return new DeliveryHandler(this, action);
    }

    /**
     * Runs the handler {@link #PRIMING_ROUNDS} times on the priming order with clients that answer from {@code http}:
     * what SnapStart does before the snapshot. Throws whatever the handler throws.
     */
    public void prime(Map<String, String> environment, CannedHttpClient http) {
        try (Wiring offline = Wiring.offline(new Environment(function, environment), http)) {
            SubscriberPriming.run(over(wiring.apply(offline)), function);
        }
    }

    /** The template's logical id of the function. */
    public String function() {
        return function;
    }

    String logEvent() {
        return logEvent;
    }

    ConsumerContract contract() {
        return contract;
    }
}
