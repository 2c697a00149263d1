package shop.subscriber;

import shop.events.OrderCreated;

/** The one thing a subscriber does with a valid order: its domain call, idempotent on the order id. */
@FunctionalInterface
public interface OrderAction {

    /** Acts on {@code order}; throws to have Lambda retry the event (and dead-letter it once retries run out). */
    Handled handle(OrderCreated order);
}
