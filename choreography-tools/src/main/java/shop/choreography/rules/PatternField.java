package shop.choreography.rules;

import java.util.List;
import java.util.Map;

/**
 * One field an EventBridge pattern tests, with the matchers it tests it against.
 *
 * @param path dotted, from the top of the event: {@code detail.customer.rewardsSignup}
 * @param matchers the pattern's list for that field: literals ({@code true}, {@code "OrderCreated"}) or single-key maps
 *     ({@code {prefix: "1."}})
 */
public record PatternField(String path, List<Object> matchers) {

    private static final String DETAIL = "detail.";

    /** True for a field of the event's {@code detail}, the part the producer's schema describes. */
    public boolean inDetail() {
        return path.startsWith(DETAIL);
    }

    /** The path inside {@code detail}: {@code customer.rewardsSignup}; arrays are not marked, as in patterns. */
    public String detailPath() {
        return inDetail() ? path.substring(DETAIL.length()) : path;
    }

    /** The condition in short form: {@code customer.rewardsSignup = true}, {@code schemaVersion prefix 1.}. */
    public String shortForm() {
        String field = inDetail() ? detailPath() : path;
        List<String> conditions =
                matchers.stream().map(PatternField::matcherText).toList();
        boolean allLiterals = matchers.stream().noneMatch(m -> m instanceof Map);
        return allLiterals
                ? field + " = " + String.join(" | ", conditions)
                : field + " " + String.join(" | ", conditions);
    }

    private static String matcherText(Object matcher) {
        if (matcher instanceof Map<?, ?> operator && operator.size() == 1) {
            var entry = operator.entrySet().iterator().next();
            return entry.getKey() + " " + valueText(entry.getValue());
        }
        return valueText(matcher);
    }

    private static String valueText(Object value) {
        if (value instanceof List<?> list) {
            return String.join(" ", list.stream().map(PatternField::valueText).toList());
        }
        return String.valueOf(value);
    }
}
