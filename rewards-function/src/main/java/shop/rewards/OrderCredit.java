package shop.rewards;

import java.time.Instant;

/**
 * The points one order earns one customer: a ledger entry in RewardsTable and an addition to their balance.
 *
 * @param orderCreatedAt when the order was placed; kept on the entry so a replayed event writes the same item
 */
public record OrderCredit(String customerId, String orderId, long points, Instant orderCreatedAt) {}
