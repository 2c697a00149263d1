package shop.events;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A made-up order that SnapStart priming runs through a function before the snapshot, so the code paths a real
 * OrderCreated takes are loaded and compiled. Fictional person, {@code example.com} address, valid against the producer
 * schema of {@link OrderCreatedEvent#CURRENT_VERSION} ({@code PrimingOrderTest} holds that).
 */
public final class PrimingOrder {

    /** Fixed: priming must never be mistaken for, or collide with, a customer's order. */
    public static final String ORDER_ID = "00000000-0000-4000-8000-000000000000";

    private PrimingOrder() {}

    /** The order as checkout would publish it. */
    public static OrderCreated order() {
        return new OrderCreated(
                OrderCreatedEvent.CURRENT_VERSION,
                ORDER_ID,
                Instant.parse("2025-01-01T00:00:00Z"),
                new OrderCreated.Customer("priming", "priming@example.com", "Priming Customer", true),
                List.of(
                        new OrderCreated.LineItem("PRIMING-1", "Priming item", 2, 1250),
                        new OrderCreated.LineItem("PRIMING-2", "Priming item, grey", 1, 1899)),
                new OrderCreated.Money(4399, "EUR"),
                new OrderCreated.Address("Primingweg 1", "Hinterhaus", "Primingen", null, "10000", "DE"),
                "priming");
    }

    /** The order's detail as the Lambda runtime hands it to a consumer ({@code ScheduledEvent.getDetail()}). */
    public static Map<String, Object> detail() {
        return EventJson.mapper().convertValue(EventJson.toTree(order()), new TypeReference<Map<String, Object>>() {});
    }
}
