package shop.events;

import java.util.List;
import java.util.Map;

/** The envelope constants of the OrderCreated contract: who emits it, under which name, at which versions. */
public final class OrderCreatedEvent {

    /** EventBridge {@code source} of every event checkout emits. */
    public static final String SOURCE = "shop.checkout";

    /** EventBridge {@code detail-type} of the event. */
    public static final String DETAIL_TYPE = "OrderCreated";

    /** The version checkout publishes today. */
    public static final String CURRENT_VERSION = "1.1";

    /** Every version ever published, oldest first; each has a schema file under {@code schemas/order-created/}. */
    public static final List<String> PUBLISHED_VERSIONS = List.of("1.0", "1.1");

    private OrderCreatedEvent() {}

    /** Classpath location of the producer schema for {@code version}. */
    public static String schemaResource(String version) {
        return "/schemas/order-created/" + version + ".json";
    }

    /**
     * The order id of a detail that may be invalid, for tying a rejected event to its order in the logs: null unless
     * the detail has a textual {@code orderId}. Only that field is read; the rest may hold personal data.
     */
    public static String orderIdIn(Map<String, ?> detail) {
        return detail != null && detail.get("orderId") instanceof String orderId ? orderId : null;
    }

    /** The major part of a {@code major.minor} version; consumers accept every minor of the majors they know. */
    public static String majorOf(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }
}
