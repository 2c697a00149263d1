package shop.analytics;

import java.time.Clock;
import shop.events.OrderCreated;
import shop.subscriber.Effect;
import shop.subscriber.Handled;

/** Adds each order's sales to the per-SKU counters exactly once, however often the order is delivered. */
public record SalesTally(SalesLedger ledger, Clock clock) {

    /** What handling one delivery of an order did. */
    public enum Outcome implements Effect {
        /** The order's sales were added (all of them, or the part an earlier failed attempt had left out). */
        RECORDED,
        /** The order had been recorded before: a redelivery, nothing written. */
        ALREADY_RECORDED
    }

    /** Records the sales of {@code order} unless they were recorded before; logs how many SKUs it has. */
    public Handled record(OrderCreated order) {
        OrderSales sales = OrderSales.of(order);
        boolean recorded = ledger.recordOnce(sales, clock.instant());
        return Handled.of(
                recorded ? Outcome.RECORDED : Outcome.ALREADY_RECORDED,
                "skus",
                sales.skus().size());
    }
}
