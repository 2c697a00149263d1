package shop.checks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one property path out of the raw template maps, for the checks the template model leaves to raw resources. */
final class TemplateTree {

    private TemplateTree() {}

    /** The value at {@code path} (mapping keys) below {@code node}, when every step exists. */
    static Optional<Object> at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    /** A value that may be written as one item or a list of them, as a list. */
    @SuppressWarnings("unchecked")
    static List<Object> listOf(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }
}
