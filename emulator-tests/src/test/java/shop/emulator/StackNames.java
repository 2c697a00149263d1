package shop.emulator;

import java.util.Map;
import shop.template.IntrinsicResolver;
import shop.template.ResourceNames;

/**
 * How one emulator run names the template's resources, as CloudFormation would for a stack of that name: the name a
 * resource declares, else stack name and logical id within the service's length limit. Every run has its own stack
 * name, so runs against a long-lived emulator never see each other's bus, tables or mail.
 */
record StackNames(String stackName) implements ResourceNames {

    /** The longest name each service allows, for the names generated here. */
    private static final Map<String, Integer> NAME_LIMITS = Map.of(
            "AWS::Events::Rule", 64,
            "AWS::Events::EventBus", 256,
            "AWS::DynamoDB::Table", 255,
            "AWS::SQS::Queue", 80,
            "AWS::Serverless::Function", 64);

    @Override
    public String nameOf(String logicalId, String type, IntrinsicResolver resolver) {
        return resolver.declaredName(logicalId)
                .orElseGet(() -> generated(logicalId, NAME_LIMITS.getOrDefault(type, 64)));
    }

    /** The name of the SQS queue standing in for a function as its rule's target. */
    String standInQueue(String functionLogicalId) {
        return generated(functionLogicalId, NAME_LIMITS.get("AWS::SQS::Queue"));
    }

    private String generated(String logicalId, int limit) {
        String name = stackName + "-" + logicalId;
        return name.length() <= limit ? name : name.substring(0, limit);
    }
}
