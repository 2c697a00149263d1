package shop.choreography.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shop.events.OrderCreatedEvent;
import shop.template.EventRule;

/**
 * Reads what an EventBridge rule's pattern tests: the fields it walks, the schema majors it lets through, and a short
 * form to print. Stateless and thread-safe.
 */
public final class RulePattern {

    private static final String VERSION_PATH = "detail.schemaVersion";

    private RulePattern() {}

    /** Every field the pattern tests, in pattern order; the branches of {@code $or} are walked too. */
    public static List<PatternField> fields(EventRule rule) {
        List<PatternField> fields = new ArrayList<>();
        walk("", rule.pattern(), fields);
        return List.copyOf(fields);
    }

    /** The fields under {@code detail}: the part of the event the producer's schema describes. */
    public static List<PatternField> detailFields(EventRule rule) {
        return fields(rule).stream().filter(PatternField::inDetail).toList();
    }

    /**
     * The schema majors this rule lets through, read from its {@code detail.schemaVersion} condition ({@code prefix
     * "1."} or a literal {@code "1.0"}); empty when the rule filters no version or uses a matcher we cannot read,
     * meaning "every major", the safe side for checks.
     */
    public static Set<String> majors(EventRule rule) {
        Set<String> majors = new LinkedHashSet<>();
        for (PatternField field : fields(rule)) {
            if (!field.path().equals(VERSION_PATH)) {
                continue;
            }
            for (Object matcher : field.matchers()) {
                if (matcher instanceof String literal) {
                    majors.add(OrderCreatedEvent.majorOf(literal));
                } else if (matcher instanceof Map<?, ?> operator
                        && operator.get("prefix") instanceof String prefix
                        && prefix.endsWith(".")
                        && prefix.indexOf('.') == prefix.length() - 1) {
                    majors.add(prefix.substring(0, prefix.length() - 1));
                } else {
                    return Set.of();
                }
            }
        }
        return Set.copyOf(majors);
    }

    /** The pattern in short form, one condition per entry: {@code detail-type = OrderCreated}. */
    public static List<String> shortForm(EventRule rule) {
        return fields(rule).stream().map(PatternField::shortForm).toList();
    }

    @SuppressWarnings("unchecked")
    private static void walk(String prefix, Map<String, Object> pattern, List<PatternField> fields) {
        pattern.forEach((key, value) -> {
            if (key.equals("$or") && value instanceof List<?> branches) {
                branches.forEach(branch -> walk(prefix, (Map<String, Object>) branch, fields));
            } else if (value instanceof Map<?, ?> nested) {
                walk(prefix + key + ".", (Map<String, Object>) nested, fields);
            } else if (value instanceof List<?> matchers) {
                fields.add(
                        new PatternField(prefix + key, Collections.unmodifiableList(new ArrayList<Object>(matchers))));
            }
        });
    }
}
