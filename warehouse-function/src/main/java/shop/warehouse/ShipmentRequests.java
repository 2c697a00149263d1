package shop.warehouse;

import java.time.Clock;
import shop.events.OrderCreated;
import shop.subscriber.Effect;

/** Turns each order into exactly one pending shipment request, however often the order is delivered. */
public final class ShipmentRequests {

    /** What handling one delivery of an order did. */
    public enum Outcome implements Effect {
        /** A new pending request was stored. */
        RECORDED,
        /** The order already had a request: a redelivery, nothing written. */
        ALREADY_RECORDED
    }

    private final ShipmentStore store;
    private final Clock clock;

    public ShipmentRequests(ShipmentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records the pending shipment request for {@code order} unless it was recorded before. */
    public Outcome record(OrderCreated order) {
        ShipmentRequest request = ShipmentRequest.pending(order, clock.instant());
        return store.addIfAbsent(request) ? Outcome.RECORDED : Outcome.ALREADY_RECORDED;
    }
}
