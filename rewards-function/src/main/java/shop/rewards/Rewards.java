package shop.rewards;

import java.time.Clock;
import shop.events.OrderCreated;
import shop.subscriber.Effect;
import shop.subscriber.Handled;

/**
 * Credits each order's points to its customer exactly once, however often the order is delivered.
 *
 * <p>It does not look at {@code customer.rewardsSignup}: the EventBridge rule only routes members' orders here.
 */
public record Rewards(RewardsLedger ledger, Clock clock) {

    /** What handling one delivery of an order did. */
    public enum Outcome implements Effect {
        /** The points were added to the balance. */
        CREDITED,
        /** The order had been credited before: a redelivery, nothing written. */
        ALREADY_CREDITED
    }

    /** Credits the points {@link EarningRule} gives {@code order} unless it was credited before; logs the points. */
    public Handled credit(OrderCreated order) {
        OrderCredit credit = new OrderCredit(
                order.customer().customerId(),
                order.orderId(),
                EarningRule.pointsFor(order.total()),
                order.createdAt());
        boolean credited = ledger.creditOnce(credit, clock.instant());
        return Handled.of(credited ? Outcome.CREDITED : Outcome.ALREADY_CREDITED, "points", credit.points());
    }
}
