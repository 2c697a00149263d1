package shop.rewards;

import java.time.Instant;

/**
 * Customers' points: one entry per credited order plus a running balance per customer.
 *
 * <p>Implementations must write the entry and the balance change atomically, and only when the order has no entry yet,
 * so a redelivered order never counts twice and the balance always equals the sum of the entries.
 */
public interface RewardsLedger {

    /**
     * Records {@code credit} and adds its points to the customer's balance, stamped {@code now}.
     *
     * @return {@code true} when credited, {@code false} when the order had been credited before (nothing changed)
     */
    boolean creditOnce(OrderCredit credit, Instant now);
}
