package shop.email;

import shop.subscriber.ReportedFailure;

/**
 * Another invocation holds a live claim on this order's confirmation and may be sending it right now.
 *
 * <p>Retryable by design: thrown so that Lambda retries the event later, when it finds the confirmation sent (and does
 * nothing) or the claim abandoned (and takes it over).
 */
public final class ConfirmationInProgressException extends ReportedFailure {

    public ConfirmationInProgressException(String orderId) {
        super(
                "The confirmation of order " + orderId + " is being sent by another invocation; retry once its claim"
                        + " is released or its lease has run out",
                "confirmation.in-progress",
                "duplicate",
                true);
    }
}
