package shop.reliability.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import shop.rewards.OrderCredit;
import shop.rewards.RewardsLedger;

/** RewardsTable in memory: the entry and the balance change together, once per order, atomically. */
public final class InMemoryRewards implements RewardsLedger {

    private final Map<String, OrderCredit> entries = new HashMap<>();
    private final Map<String, Long> balances = new HashMap<>();

    @Override
    public synchronized boolean creditOnce(OrderCredit credit, Instant now) {
        if (entries.putIfAbsent(credit.customerId() + "/" + credit.orderId(), credit) != null) {
            return false;
        }
        balances.merge(credit.customerId(), credit.points(), Long::sum);
        return true;
    }

    /** How many credits {@code orderId} earned. */
    public synchronized int creditedFor(String orderId) {
        return (int) entries.values().stream()
                .filter(credit -> credit.orderId().equals(orderId))
                .count();
    }

    /** The customer's balance. */
    public synchronized long balance(String customerId) {
        return balances.getOrDefault(customerId, 0L);
    }
}
