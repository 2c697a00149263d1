package shop.analytics;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The shared sample events in {@code events/eventbridge/}; Maven runs tests in the module folder, hence {@code ../}. */
final class Samples {

    private static final String FOLDER = "../events/eventbridge/";

    private Samples() {}

    static ScheduledEvent load(String file) {
        return EventLoader.loadScheduledEvent(FOLDER + file);
    }

    /** The same order delivered again as a new EventBridge event, e.g. replayed from the archive. */
    static ScheduledEvent redelivered(String file) {
        ScheduledEvent event = load(file);
        event.setId(UUID.randomUUID().toString());
        return event;
    }

    /** The personal data a sample carries (email, name, street, postal code), for "never logged" checks. */
    @SuppressWarnings("unchecked")
    static List<String> personalData(ScheduledEvent event) {
        List<String> values = new ArrayList<>();
        Map<String, Object> customer = (Map<String, Object>) event.getDetail().getOrDefault("customer", Map.of());
        Map<String, Object> address = (Map<String, Object>) event.getDetail().getOrDefault("shippingAddress", Map.of());
        for (Object value : List.of(customer.getOrDefault("email", ""), customer.getOrDefault("name", ""),
                address.getOrDefault("line1", ""), address.getOrDefault("postalCode", ""))) {
            if (!value.toString().isEmpty()) {
                values.add(value.toString());
            }
        }
        return values;
    }
}
