package shop.choreography.impact;

import java.util.List;
import shop.choreography.schema.SchemaField;

/**
 * Who is affected by a change to one field of OrderCreated.
 *
 * @param field the field as the schema has it: {@code items[].sku}
 * @param rules the rules whose patterns test the field or something inside it
 * @param consumers the consumers whose contracts read the field, something inside it, or the whole object around it
 * @param withoutContract subscribers that declare no contract, so nobody can tell what they read
 */
public record Impact(
        SchemaField field, List<RuleUse> rules, List<ContractRead> consumers, List<String> withoutContract) {

    /** A rule testing the field: {@code customer.rewardsSignup = true} in {@code RewardsFunctionOrderCreated}. */
    public record RuleUse(String ruleLogicalId, String functionId, String condition) {}

    /**
     * A consumer whose contract reads the field through {@code path}; {@code required} when it cannot do without it.
     */
    public record ContractRead(String consumer, String functionId, String path, boolean required) {}

    /** The rule ids, in template order. */
    public List<String> ruleIds() {
        return rules.stream().map(RuleUse::ruleLogicalId).distinct().toList();
    }

    /** The consumer names, in template order. */
    public List<String> consumerNames() {
        return consumers.stream().map(ContractRead::consumer).distinct().toList();
    }

    /** The answer as the command prints it. */
    public String report() {
        StringBuilder text = new StringBuilder()
                .append("Changing OrderCreated field ")
                .append(field.path())
                .append(" (")
                .append(field.describe())
                .append(") affects:\n");
        text.append("  rules whose pattern uses it: ")
                .append(rules.isEmpty() ? "none" : rules.size())
                .append('\n');
        rules.forEach(rule -> text.append("    ")
                .append(rule.ruleLogicalId())
                .append(" -> ")
                .append(rule.functionId())
                .append("   ")
                .append(rule.condition())
                .append('\n'));
        text.append("  consumers whose contract reads it: ")
                .append(consumers.isEmpty() ? "none" : consumerNames().size())
                .append('\n');
        for (String consumer : consumerNames()) {
            List<ContractRead> paths = consumers.stream()
                    .filter(read -> read.consumer().equals(consumer))
                    .toList();
            text.append("    ")
                    .append(consumer)
                    .append(" (")
                    .append(paths.get(0).functionId())
                    .append(")   reads ")
                    .append(String.join(
                            ", ",
                            paths.stream()
                                    .map(read -> read.path() + (read.required() ? " (required)" : " (optional)"))
                                    .toList()))
                    .append('\n');
        }
        if (!withoutContract.isEmpty()) {
            text.append("  unknown, no consumer contract: ")
                    .append(String.join(", ", withoutContract))
                    .append('\n');
        }
        return text.toString();
    }
}
