package shop.template;

import java.util.Optional;

/**
 * What CloudFormation's pseudo parameters ({@code AWS::Region}, {@code AWS::AccountId}, ...) are for one stack.
 *
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}, as ARNs start
 * @param urlSuffix the domain of service endpoints, {@code amazonaws.com} outside China
 */
public record PseudoParameters(String stackName, String region, String accountId, String partition, String urlSuffix) {

    /** AWS's documentation placeholder account: every ARN built away from AWS names it, never a real account. */
    public static final String PLACEHOLDER_ACCOUNT = "123456789012";

    /** A stack in {@code region}, with the partition and endpoint domain AWS uses there. */
    public static PseudoParameters of(String stackName, String region, String accountId) {
        if (region.startsWith("cn-")) {
            return new PseudoParameters(stackName, region, accountId, "aws-cn", "amazonaws.com.cn");
        }
        String partition = region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        return new PseudoParameters(stackName, region, accountId, partition, "amazonaws.com");
    }

    /** The value of pseudo parameter {@code name}, when it is one this resolves. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(
                switch (name) {
                    case "AWS::StackName" -> stackName;
                    case "AWS::Region" -> region;
                    case "AWS::AccountId" -> accountId;
                    case "AWS::Partition" -> partition;
                    case "AWS::URLSuffix" -> urlSuffix;
                    // CloudFormation appends a random UUID; a fixed one keeps resolution repeatable.
                    case "AWS::StackId" ->
                        "arn:" + partition + ":cloudformation:" + region + ":" + accountId + ":stack/" + stackName
                                + "/00000000-0000-0000-0000-000000000000";
                    default -> null;
                });
    }
}
