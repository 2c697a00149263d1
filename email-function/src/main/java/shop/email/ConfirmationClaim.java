package shop.email;

import java.time.Instant;

/**
 * One invocation's claim on sending an order's confirmation.
 *
 * @param claimId unique per attempt, so only the claimant can release its own claim
 * @param claimedAt when the claim was made; an existing claim whose lease ended before this may be taken over
 * @param leaseExpiresAt until when no other invocation may take the claim over
 * @param expiresAt when the table may forget the order (DynamoDB TTL)
 */
public record ConfirmationClaim(
        String orderId, String claimId, Instant claimedAt, Instant leaseExpiresAt, Instant expiresAt) {}
