package shop.reliability.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import shop.email.ConfirmationClaim;
import shop.email.ConfirmationLedger;

/**
 * ConfirmationsTable in memory with the DynamoDB ledger's conditions, each call atomic as a conditional write is: claim
 * only a new order or one whose lease ended (in whole seconds, as stored), release only your own claim.
 */
public final class InMemoryConfirmations implements ConfirmationLedger {

    private record Row(boolean sent, String claimId, Instant leaseExpiresAt) {}

    private final Map<String, Row> rows = new HashMap<>();

    @Override
    public synchronized Claim claim(ConfirmationClaim claim) {
        Row current = rows.get(claim.orderId());
        boolean leaseEnded = current != null
                && !current.sent()
                && current.leaseExpiresAt().getEpochSecond() < claim.claimedAt().getEpochSecond();
        if (current == null || leaseEnded) {
            rows.put(claim.orderId(), new Row(false, claim.claimId(), claim.leaseExpiresAt()));
            return current == null ? Claim.NEW : Claim.TAKEN_OVER;
        }
        return current.sent() ? Claim.ALREADY_SENT : Claim.HELD;
    }

    @Override
    public synchronized void markSent(String orderId, String messageId, Instant sentAt, Instant expiresAt) {
        rows.put(orderId, new Row(true, null, null));
    }

    @Override
    public synchronized void release(String orderId, String claimId) {
        rows.computeIfPresent(orderId, (id, row) -> claimId.equals(row.claimId()) ? null : row);
    }
}
