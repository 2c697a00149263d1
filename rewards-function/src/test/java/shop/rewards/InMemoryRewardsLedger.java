package shop.rewards;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** RewardsTable in memory: entry and balance change together, and only for an order without an entry. Thread-safe. */
final class InMemoryRewardsLedger implements RewardsLedger {

    private final Map<String, OrderCredit> entries = new HashMap<>();
    private final Map<String, Long> balances = new HashMap<>();

    @Override
    public synchronized boolean creditOnce(OrderCredit credit, Instant now) {
        String key = credit.customerId() + "/" + credit.orderId();
        if (entries.containsKey(key)) {
            return false;
        }
        entries.put(key, credit);
        balances.merge(credit.customerId(), credit.points(), Long::sum);
        return true;
    }

    synchronized long balance(String customerId) {
        return balances.getOrDefault(customerId, 0L);
    }

    synchronized List<OrderCredit> entries() {
        return List.copyOf(entries.values());
    }
}
