package shop.wiring.metrics;

/**
 * The names of the metrics the functions write (namespace {@link Metrics#NAMESPACE}, dimension {@code Function}), in
 * one place for the code that records them and the template's dashboard and alarms that read them.
 */
public final class MetricNames {

    /** Checkout: an order the bus accepted (202). */
    public static final String ORDERS_ACCEPTED = "OrdersAccepted";

    /**
     * Checkout: a request refused or an order not placed, with dimension {@link #REASON} valued as
     * {@code shop.checkout.Checkout} writes it: {@code invalid} (400), {@code no-verified-customer} (401),
     * {@code other-customer} (403), {@code body-too-large} (413), {@code unsupported-media-type} (415), and for a 500
     * {@code event-invalid} (the event broke its own schema) or {@code bus-refused} (PutEvents refused the entry).
     */
    public static final String ORDERS_REFUSED = "OrdersRefused";

    /** Checkout: an order not placed because the bus stayed unavailable through every retry (503). */
    public static final String ORDERS_UNAVAILABLE = "OrdersUnavailable";

    /** Checkout: the PutEvents calls one order took, retries included. */
    public static final String PUT_EVENTS_ATTEMPTS = "PutEventsAttempts";

    /** Subscriber: an order whose effect this delivery made. */
    public static final String PROCESSED = "OrdersProcessed";

    /** Subscriber: a delivery of an order whose effect was already made (EventBridge delivers at least once). */
    public static final String DUPLICATES = "Duplicates";

    /** Subscriber: an event rejected as invalid, to be retried and dead-lettered. */
    public static final String REJECTED = "Rejected";

    /** Subscriber: milliseconds from the order's {@code createdAt} to this function's effect. */
    public static final String ORDER_AGE = "OrderAgeMs";

    /** The second dimension of {@link #ORDERS_REFUSED}. */
    public static final String REASON = "Reason";

    private MetricNames() {}
}
