package shop.analytics;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * SalesTable in memory: an order's counters change together, and only the first time the order is seen. Thread-safe.
 */
final class InMemorySalesLedger implements SalesLedger {

    /** The counters of one SKU in one currency. */
    record Counters(long units, long revenue, long orders) {}

    private final Set<String> recordedOrders = new HashSet<>();
    private final Map<String, Counters> counters = new HashMap<>();

    @Override
    public synchronized boolean recordOnce(OrderSales sales, Instant now) {
        if (!recordedOrders.add(sales.orderId())) {
            return false;
        }
        for (OrderSales.SkuSale sale : sales.skus()) {
            counters.merge(
                    sale.sku() + "/" + sales.currency(),
                    new Counters(sale.units(), sale.revenue(), 1),
                    (a, b) -> new Counters(a.units() + b.units(), a.revenue() + b.revenue(), a.orders() + b.orders()));
        }
        return true;
    }

    /** Counters of {@code sku} in {@code currency}; zeros when it never sold. */
    synchronized Counters of(String sku, String currency) {
        return counters.getOrDefault(sku + "/" + currency, new Counters(0, 0, 0));
    }

    /** Every {@code sku/currency} key with counters. */
    synchronized Set<String> keys() {
        return Set.copyOf(counters.keySet());
    }
}
