package shop.warehouse;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** ShipmentsTable in memory, with the same put-if-absent semantics as the conditional write. Thread-safe. */
final class InMemoryShipmentStore implements ShipmentStore {

    private final Map<String, ShipmentRequest> requests = new ConcurrentHashMap<>();

    @Override
    public boolean addIfAbsent(ShipmentRequest request) {
        return requests.putIfAbsent(request.orderId(), request) == null;
    }

    Optional<ShipmentRequest> find(String orderId) {
        return Optional.ofNullable(requests.get(orderId));
    }

    int size() {
        return requests.size();
    }
}
