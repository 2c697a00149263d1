package shop.checkout.publishing;

import shop.events.OrderCreated;

/** Where accepted orders are announced: the orders bus in production, a fake in tests. */
public interface OrderEvents {

    /** Publishes one OrderCreated detail and says truthfully whether the bus took it; never throws for bus errors. */
    Publication publish(OrderCreated order);
}
