package shop.template;

import java.util.Map;
import java.util.Optional;

/**
 * An {@code EventBridgeRule} event of a function: SAM turns it into an {@code AWS::Events::Rule} named
 * {@code <function><event>} whose target is the function.
 *
 * @param busName raw template value of {@code EventBusName} (an intrinsic such as {@code {Ref: OrdersBus}})
 * @param patternJson the event pattern as JSON, as EventBridge and event-ruler read it
 * @param deadLetterArn raw template value of {@code DeadLetterConfig.Arn}, when set
 */
public record EventRule(
        String functionLogicalId,
        String eventName,
        Object busName,
        Map<String, Object> pattern,
        String patternJson,
        int maximumRetryAttempts,
        int maximumEventAgeInSeconds,
        Optional<Object> deadLetterArn) {

    /** The logical id SAM gives the generated rule, which other resources may reference. */
    public String ruleLogicalId() {
        return functionLogicalId + eventName;
    }
}
