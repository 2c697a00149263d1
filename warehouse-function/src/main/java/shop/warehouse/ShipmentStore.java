package shop.warehouse;

/**
 * Where shipment requests are kept, at most one per order id.
 *
 * <p>Implementations must make {@link #addIfAbsent} atomic: two deliveries of the same order racing each other leave
 * exactly one request.
 */
public interface ShipmentStore {

    /**
     * Stores {@code request} unless one for its order id is already there.
     *
     * @return {@code true} when stored, {@code false} when a request for the order existed (it is left untouched)
     */
    boolean addIfAbsent(ShipmentRequest request);
}
