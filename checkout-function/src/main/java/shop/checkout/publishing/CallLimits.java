package shop.checkout.publishing;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How long one {@code PutEvents} call may take, retries by the SDK included, so that checkout always answers before its
 * function times out: a request cut off by the Lambda timeout would reach the client as API Gateway's bare 5xx instead
 * of our truthful 503 with the order id.
 *
 * @param attemptTimeout one HTTP attempt: covers a bus that accepts the connection and never answers
 * @param callTimeout one SDK call, all its attempts and backoff waits together
 * @param sdkAttempts attempts the SDK makes per call (throttling, 5xx, timeouts, resets), the first included
 * @param backoffBase the SDK's first backoff ceiling; it doubles up to {@code backoffCap}, with full jitter
 */
public record CallLimits(
        Duration attemptTimeout, Duration callTimeout, int sdkAttempts, Duration backoffBase, Duration backoffCap) {

    /** Production: PutEvents answers in tens of milliseconds, so 2 s is a stalled attempt, 4 s a lost call. */
    public static final CallLimits STANDARD = new CallLimits(
            Duration.ofSeconds(2), Duration.ofSeconds(4), 3, Duration.ofMillis(50), Duration.ofMillis(500));

    public CallLimits {
        if (sdkAttempts < 1 || attemptTimeout.compareTo(callTimeout) > 0 || backoffBase.compareTo(backoffCap) > 0) {
            throw new IllegalArgumentException("Need sdkAttempts >= 1, attemptTimeout <= callTimeout and backoffBase <="
                    + " backoffCap, got " + this);
        }
    }

    /** The SDK client settings that enforce these limits. */
    public ClientOverrideConfiguration overrides() {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(backoffBase, backoffCap);
        RetryStrategy retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(sdkAttempts)
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                .build();
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(attemptTimeout)
                .apiCallTimeout(callTimeout)
                .retryStrategy(retries)
                .build();
    }

    /**
     * The longest {@link EventBridgeOrderEvents#publish} can block: every attempt a full call, plus the waits between.
     */
    public Duration worstCase(RetryPolicy policy) {
        Duration total = callTimeout.multipliedBy(policy.maxAttempts());
        for (int failed = 1; failed < policy.maxAttempts(); failed++) {
            total = total.plus(policy.ceilingAfter(failed));
        }
        return total;
    }
}
