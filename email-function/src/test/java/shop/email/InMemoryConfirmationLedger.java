package shop.email;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ConfirmationsTable in memory, with the conditions of the DynamoDB ledger: claim only a new order or one whose lease
 * ended (compared in whole seconds, as the table stores it), release only your own claim. Thread-safe.
 */
class InMemoryConfirmationLedger implements ConfirmationLedger {

    /** One order's item. */
    record Row(
            String status,
            String claimId,
            Instant leaseExpiresAt,
            String messageId,
            Instant sentAt,
            Instant expiresAt) {}

    private final Map<String, Row> rows = new HashMap<>();

    @Override
    public synchronized Claim claim(ConfirmationClaim claim) {
        Row current = rows.get(claim.orderId());
        boolean leaseEnded = current != null
                && "SENDING".equals(current.status())
                && current.leaseExpiresAt().getEpochSecond() < claim.claimedAt().getEpochSecond();
        if (current == null || leaseEnded) {
            rows.put(
                    claim.orderId(),
                    new Row("SENDING", claim.claimId(), claim.leaseExpiresAt(), null, null, claim.expiresAt()));
            return current == null ? Claim.NEW : Claim.TAKEN_OVER;
        }
        return "SENT".equals(current.status()) ? Claim.ALREADY_SENT : Claim.HELD;
    }

    @Override
    public synchronized void markSent(String orderId, String messageId, Instant sentAt, Instant expiresAt) {
        rows.put(orderId, new Row("SENT", null, null, messageId, sentAt, expiresAt));
    }

    @Override
    public synchronized void release(String orderId, String claimId) {
        rows.computeIfPresent(orderId, (id, row) -> claimId.equals(row.claimId()) ? null : row);
    }

    synchronized Optional<Row> row(String orderId) {
        return Optional.ofNullable(rows.get(orderId));
    }

    synchronized int size() {
        return rows.size();
    }
}
