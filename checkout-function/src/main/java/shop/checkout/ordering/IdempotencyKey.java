package shop.checkout.ordering;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's {@code Idempotency-Key} header: up to 128 visible ASCII characters, optionally sent as a quoted
 * structured-field string ({@code "abc"}) as the IETF httpapi draft writes it.
 */
public record IdempotencyKey(String value) {

    /** Header name as clients send it; {@code Submission.header} finds it whatever its case. */
    public static final String HEADER = "Idempotency-Key";

    public static final int MAX_LENGTH = 128;

    // Visible ASCII without quote, backslash or comma: a comma means the header was sent twice and joined.
    private static final Pattern ALLOWED =
            Pattern.compile("[\\x21\\x23-\\x2B\\x2D-\\x5B\\x5D-\\x7E]{1," + MAX_LENGTH + "}");

    public IdempotencyKey {
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(problem());
        }
    }

    /** What the header means. */
    public sealed interface Lookup {}

    /** No such header: the order gets a fresh id. */
    public record Absent() implements Lookup {}

    /** A usable key. */
    public record Present(IdempotencyKey key) implements Lookup {}

    /** A header that is not a usable key; {@code message} says why without repeating it. */
    public record Malformed(String message) implements Lookup {}

    /** Checks the header's value; empty when the request has no such header. */
    public static Lookup lookup(Optional<String> header) {
        if (header.isEmpty()) {
            return new Absent();
        }
        String value = unquote(header.get().strip());
        return ALLOWED.matcher(value).matches() ? new Present(new IdempotencyKey(value)) : new Malformed(problem());
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static String problem() {
        return "must be 1 to " + MAX_LENGTH + " visible ASCII characters without quotes, backslashes or commas";
    }
}
