package shop.warehouse;

import java.time.Clock;
import shop.events.OrderCreated;
import shop.subscriber.Effect;
import shop.subscriber.Handled;

/** Turns each order into exactly one pending shipment request, however often the order is delivered. */
public record ShipmentRequests(ShipmentStore store, Clock clock) {

    /** What handling one delivery of an order did. */
    public enum Outcome implements Effect {
        /** A new pending request was stored. */
        RECORDED,
        /** The order already had a request: a redelivery, nothing written. */
        ALREADY_RECORDED
    }

    /** Records the pending shipment request for {@code order} unless it was recorded before. */
    public Handled record(OrderCreated order) {
        ShipmentRequest request = ShipmentRequest.pending(order, clock.instant());
        return Handled.of(store.addIfAbsent(request) ? Outcome.RECORDED : Outcome.ALREADY_RECORDED);
    }
}
