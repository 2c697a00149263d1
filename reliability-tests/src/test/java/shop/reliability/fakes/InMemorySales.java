package shop.reliability.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import shop.analytics.OrderSales;
import shop.analytics.SalesLedger;

/** SalesTable in memory: an order's counters are added once, atomically. */
public final class InMemorySales implements SalesLedger {

    private final Map<String, OrderSales> recorded = new HashMap<>();

    @Override
    public synchronized boolean recordOnce(OrderSales sales, Instant now) {
        return recorded.putIfAbsent(sales.orderId(), sales) == null;
    }

    /** How many times {@code orderId}'s sales were added: 0 or 1. */
    public synchronized int recordedFor(String orderId) {
        return recorded.containsKey(orderId) ? 1 : 0;
    }
}
