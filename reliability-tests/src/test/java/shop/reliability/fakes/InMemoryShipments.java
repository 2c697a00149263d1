package shop.reliability.fakes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import shop.warehouse.ShipmentRequest;
import shop.warehouse.ShipmentStore;

/** ShipmentsTable in memory: an atomic put-if-absent, like the conditional put; counts every write it let through. */
public final class InMemoryShipments implements ShipmentStore {

    private final Map<String, ShipmentRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();

    @Override
    public boolean addIfAbsent(ShipmentRequest request) {
        boolean added = requests.putIfAbsent(request.orderId(), request) == null;
        if (added) {
            writes.computeIfAbsent(request.orderId(), id -> new AtomicInteger()).incrementAndGet();
        }
        return added;
    }

    /** How many shipment requests were recorded for {@code orderId}. */
    public int recordedFor(String orderId) {
        AtomicInteger count = writes.get(orderId);
        return count == null ? 0 : count.get();
    }
}
