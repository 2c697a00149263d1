package shop.template;

import java.util.Optional;

/**
 * A function's {@code EventInvokeConfig}: how often Lambda retries a failed asynchronous invocation and where the event
 * goes after the last try.
 *
 * @param onFailure raw template value of {@code DestinationConfig.OnFailure.Destination}, when set
 */
public record AsyncInvokeConfig(int maximumRetryAttempts, int maximumEventAgeInSeconds, Optional<Object> onFailure) {

    /** Lambda's own defaults when a function declares no {@code EventInvokeConfig}. */
    public static final AsyncInvokeConfig LAMBDA_DEFAULT = new AsyncInvokeConfig(2, 21600, Optional.empty());
}
