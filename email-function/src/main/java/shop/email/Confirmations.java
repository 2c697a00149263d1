package shop.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import shop.events.OrderCreated;
import shop.subscriber.Effect;
import shop.subscriber.Handled;

/**
 * Sends each order's confirmation once, however often the order is delivered.
 *
 * <p>Sending is an external side effect that no database transaction covers, so it is fenced by a claim: claim the
 * order (conditional write), send, mark it sent. A failed send releases the claim so the retry can send; a delivery
 * that finds the confirmation sent does nothing; one that finds a live claim fails with
 * {@link ConfirmationInProgressException} so Lambda retries it later. A claim whose holder died is taken over once its
 * lease runs out. The one gap left is a holder that sent but died before marking: the email then goes twice.
 */
public record Confirmations(ConfirmationLedger ledger, Mailer mailer, Clock clock) {

    /**
     * How long a claim keeps others off. Longer than the function's 20 s timeout, so a live sender is never overtaken;
     * shorter than Lambda's first async retry delay (about a minute), so that retry finds it expired.
     */
    static final Duration LEASE = Duration.ofSeconds(60);

    /**
     * How long ConfirmationsTable remembers an order: as long as the bus archive keeps events for replay by default.
     */
    static final Duration RETENTION = Duration.ofDays(30);

    /** What handling one delivery of an order did. */
    public enum Outcome implements Effect {
        /** First delivery: the confirmation was sent. */
        SENT,
        /** An earlier attempt died holding the claim; this delivery took it over and sent. */
        SENT_AFTER_TAKEOVER,
        /** The confirmation had gone out already: nothing sent. */
        ALREADY_SENT
    }

    private static final ConfirmationWriter WRITER = new ConfirmationWriter();

    /**
     * Sends the confirmation of {@code order} unless it was sent before.
     *
     * @throws ConfirmationInProgressException when another invocation holds a live claim on the order
     */
    public Handled confirm(OrderCreated order) {
        // Written first: an order that cannot be written (unknown currency) must fail before it holds a claim.
        Confirmation confirmation = WRITER.write(order);
        Instant now = clock.instant();
        ConfirmationClaim claim = new ConfirmationClaim(
                order.orderId(), UUID.randomUUID().toString(), now, now.plus(LEASE), now.plus(RETENTION));
        ConfirmationLedger.Claim found = ledger.claim(claim);
        switch (found) {
            case ALREADY_SENT:
                return Handled.of(Outcome.ALREADY_SENT);
            case HELD:
                throw new ConfirmationInProgressException(order.orderId());
            default:
                break;
        }
        String messageId = sendOrRelease(confirmation, claim);
        Instant sentAt = clock.instant();
        ledger.markSent(order.orderId(), messageId, sentAt, sentAt.plus(RETENTION));
        return Handled.of(found == ConfirmationLedger.Claim.TAKEN_OVER ? Outcome.SENT_AFTER_TAKEOVER : Outcome.SENT);
    }

    private String sendOrRelease(Confirmation confirmation, ConfirmationClaim claim) {
        try {
            return mailer.send(confirmation);
        } catch (RuntimeException sendFailed) {
            try {
                ledger.release(claim.orderId(), claim.claimId());
            } catch (RuntimeException releaseFailed) {
                // The send failure is the one to report; the claim will lapse with its lease and a retry takes over.
                sendFailed.addSuppressed(releaseFailed);
            }
            throw sendFailed;
        }
    }
}
