package shop.redrive;

import java.time.Duration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/** {@link Redelivery} by Lambda's asynchronous invoke of one function alias. Thread-safe as the client is. */
public record LambdaRedelivery(LambdaClient lambda, FunctionTarget target) implements Redelivery {

    /**
     * The longest one invoke may take, SDK retries included: the command sets it as the client's API call timeout.
     * Lambda answers an asynchronous invoke as soon as it has queued the event, in milliseconds.
     */
    public static final Duration INVOKE_BOUND = Duration.ofSeconds(10);

    @Override
    public int invokeAsync(String event) {
        try {
            return lambda.invoke(r -> r.functionName(target.function())
                            .qualifier(target.qualifier())
                            .invocationType(InvocationType.EVENT)
                            // The event's own characters, UTF-8 as SQS delivered them: the consumer sees what it would
                            // have.
                            .payload(SdkBytes.fromUtf8String(event)))
                    .statusCode();
        } catch (SdkException e) {
            throw new RedeliveryException("Invoke of " + target + " failed: " + e.getMessage(), e);
        }
    }
}
