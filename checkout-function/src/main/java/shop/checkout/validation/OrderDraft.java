package shop.checkout.validation;

import java.time.Instant;
import java.util.List;
import shop.events.OrderCreated;
import shop.events.OrderCreatedEvent;

/**
 * A checkout request that passed validation, with its total computed; everything an order needs but its id and time.
 */
public record OrderDraft(
        OrderCreated.Customer customer,
        List<OrderCreated.LineItem> items,
        OrderCreated.Money total,
        OrderCreated.Address shippingAddress) {

    public OrderDraft {
        items = List.copyOf(items);
    }

    /**
     * The event detail for this order, at the version checkout publishes today; {@code correlationId} is the id of the
     * request that placed it, or null.
     */
    public OrderCreated toEvent(String orderId, Instant createdAt, String correlationId) {
        return new OrderCreated(
                OrderCreatedEvent.CURRENT_VERSION,
                orderId,
                createdAt,
                customer,
                items,
                total,
                shippingAddress,
                correlationId);
    }
}
