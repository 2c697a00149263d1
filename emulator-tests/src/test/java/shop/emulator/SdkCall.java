package shop.emulator;

/**
 * One AWS SDK call made during a test.
 *
 * @param caller the function whose handler made it, or {@code harness}
 * @param conditional whether the request carried a {@code ConditionExpression} (DynamoDB conditional writes)
 * @param outcome {@code ok}, or the simple name of the exception the service answered with
 */
public record SdkCall(String caller, String service, String operation, boolean conditional, String outcome) {

    /**
     * {@code Service.Operation}, with {@code (conditional)} for conditional writes, e.g.
     * {@code DynamoDb.PutItem(conditional)}.
     */
    public String name() {
        return service + "." + operation + (conditional ? "(conditional)" : "");
    }

    @Override
    public String toString() {
        return caller + ": " + name() + " -> " + outcome;
    }
}
