package shop.subscriber;

import java.util.List;

/**
 * A subscriber's answer for one order: its outcome and any extra log fields (name, value, name, value ...), which must
 * never hold personal data.
 */
public record Handled(Effect outcome, List<Object> fields) {

    public Handled {
        if (fields.size() % 2 != 0) {
            throw new IllegalArgumentException("Log fields come in name/value pairs, got " + fields.size() + " values");
        }
        fields = List.copyOf(fields);
    }

    /** {@code outcome} with {@code fields} as alternating names and values. */
    public static Handled of(Effect outcome, Object... fields) {
        return new Handled(outcome, List.of(fields));
    }
}
