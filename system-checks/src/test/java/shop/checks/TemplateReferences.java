package shop.checks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template names (resources and parameters) a value refers to through {@code Ref}, {@code Fn::GetAtt} or the
 * variables of {@code Fn::Sub}; pseudo parameters such as {@code AWS::Region} are not names of ours and are left out.
 */
final class TemplateReferences {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private TemplateReferences() {}

    /** Every name {@code value} refers to, however deeply nested. */
    static Set<String> in(Object value) {
        Set<String> names = new LinkedHashSet<>();
        collect(value, names);
        return names;
    }

    private static void collect(Object value, Set<String> names) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                switch (String.valueOf(key)) {
                    case "Ref" -> add(String.valueOf(inner), names);
                    case "Fn::GetAtt" -> add(getAttTarget(inner), names);
                    case "Fn::Sub" -> sub(inner, names);
                    default -> collect(inner, names);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, names));
        }
    }

    private static String getAttTarget(Object value) {
        if (value instanceof List<?> list && !list.isEmpty()) {
            return String.valueOf(list.get(0));
        }
        String dotted = String.valueOf(value);
        return dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
    }

    private static void sub(Object value, Set<String> names) {
        // Long form: a string, or [string, {variable: value}] whose own variables are not template names.
        Object text = value instanceof List<?> list && !list.isEmpty() ? list.get(0) : value;
        Set<String> local = value instanceof List<?> list && list.size() > 1 && list.get(1) instanceof Map<?, ?> vars
                ? vars.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet())
                : Set.of();
        Matcher variables = SUB_VARIABLE.matcher(String.valueOf(text));
        while (variables.find()) {
            String variable = variables.group(1);
            String name = variable.contains(".") ? variable.substring(0, variable.indexOf('.')) : variable;
            if (!local.contains(variable)) {
                add(name, names);
            }
        }
        if (value instanceof List<?> list && list.size() > 1) {
            collect(list.get(1), names);
        }
    }

    private static void add(String name, Set<String> names) {
        if (!name.startsWith("AWS::")) {
            names.add(name);
        }
    }
}
