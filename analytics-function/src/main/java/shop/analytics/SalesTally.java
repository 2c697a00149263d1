package shop.analytics;

import java.time.Clock;
import shop.events.OrderCreated;
import shop.subscriber.Effect;

/** Adds each order's sales to the per-SKU counters exactly once, however often the order is delivered. */
public record SalesTally(SalesLedger ledger, Clock clock) {

    /** What handling one delivery of an order did. */
    public enum Outcome implements Effect {
        /** The order's sales were added (all of them, or the part an earlier failed attempt had left out). */
        RECORDED,
        /** The order had been recorded before: a redelivery, nothing written. */
        ALREADY_RECORDED
    }

    /** The sales an order is worth and whether this delivery recorded them. */
    public record Result(OrderSales sales, Outcome outcome) {}

    /** Records the sales of {@code order} unless they were recorded before. */
    public Result record(OrderCreated order) {
        OrderSales sales = OrderSales.of(order);
        boolean recorded = ledger.recordOnce(sales, clock.instant());
        return new Result(sales, recorded ? Outcome.RECORDED : Outcome.ALREADY_RECORDED);
    }
}
