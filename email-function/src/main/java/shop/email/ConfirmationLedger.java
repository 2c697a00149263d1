package shop.email;

import java.time.Instant;

/**
 * Which orders' confirmations are being sent or have been sent: the idempotency record of an external side effect.
 *
 * <p>Implementations make {@link #claim} atomic (a conditional write), so at most one invocation holds a live claim on
 * an order at any time.
 */
public interface ConfirmationLedger {

    /** What a claim attempt found. */
    enum Claim {
        /** Nobody had claimed the order: this invocation now holds it. */
        NEW,
        /** A claim whose lease had run out was replaced: its holder died mid-send, so this invocation now holds it. */
        TAKEN_OVER,
        /** The confirmation was sent already. */
        ALREADY_SENT,
        /** Another invocation holds a live claim; it may be sending right now. */
        HELD
    }

    /**
     * Claims the order for {@code claim} if it has no record yet, or only a claim whose lease ended before
     * {@code claim.claimedAt()}.
     */
    Claim claim(ConfirmationClaim claim);

    /** Records that the confirmation went out, whoever holds the claim now: the email cannot be unsent. */
    void markSent(String orderId, String messageId, Instant sentAt, Instant expiresAt);

    /** Drops the claim {@code claimId} so a retry can send; does nothing if the order is no longer held by it. */
    void release(String orderId, String claimId);
}
