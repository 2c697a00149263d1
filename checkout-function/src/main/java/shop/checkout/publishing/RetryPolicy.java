package shop.checkout.publishing;

import java.time.Duration;

/**
 * Bounded exponential backoff with full jitter: before attempt n+1 wait a uniformly random time in {@code [0, min(cap,
 * base * 2^(n-1))]}. Full jitter spreads retries of many throttled callers apart.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

    /** Four attempts, 50 ms base, 800 ms cap: at most 350 ms of waiting inside one API request. */
    public static final RetryPolicy STANDARD = new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(800));

    public RetryPolicy {
        if (maxAttempts < 1 || base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException(
                    "Need maxAttempts >= 1 and 0 <= base <= cap, got " + maxAttempts + ", " + base + ", " + cap);
        }
    }

    /** The longest wait after {@code failedAttempt} (1-based) failed. */
    public Duration ceilingAfter(int failedAttempt) {
        long capMillis = cap.toMillis();
        long ceiling = base.toMillis();
        // Doubling stops at the cap, so no attempt count can overflow the shift.
        for (int i = 1; i < failedAttempt && ceiling < capMillis; i++) {
            ceiling *= 2;
        }
        return Duration.ofMillis(Math.min(ceiling, capMillis));
    }

    /** The wait after {@code failedAttempt}, given {@code uniform} in [0, 1) from a random source. */
    public Duration delayAfter(int failedAttempt, double uniform) {
        long ceiling = ceilingAfter(failedAttempt).toMillis();
        long chosen = (long) Math.floor(uniform * (ceiling + 1));
        return Duration.ofMillis(Math.max(0, Math.min(ceiling, chosen)));
    }
}
