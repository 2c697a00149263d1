package shop.analytics;

import java.time.Instant;

/**
 * Sales counters per SKU and currency: units sold, revenue, and the number of orders that contained the SKU.
 *
 * <p>Implementations must count each order once however often it is delivered: a redelivery, a retry after a partial
 * failure, or a replay from the bus archive adds nothing already added.
 */
public interface SalesLedger {

    /**
     * Adds {@code sales} to the counters, stamped {@code now}, unless they were added before.
     *
     * @return {@code true} when anything was added, {@code false} when the whole order had been recorded before
     */
    boolean recordOnce(OrderSales sales, Instant now);
}
