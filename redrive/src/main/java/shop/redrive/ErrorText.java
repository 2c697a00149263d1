package shop.redrive;

import java.util.regex.Pattern;

/**
 * Makes text taken from a dead letter (error messages, ids) fit for the operator's terminal and logs: one line, no
 * control characters, email addresses masked, long text cut.
 *
 * <p>Our consumers' errors name fields, never values, but SDK errors quoted in them may not: SES, for one, names the
 * rejected recipient. Addresses have a shape to mask; names and street addresses do not, which is why nothing but ids
 * and error texts is ever printed.
 */
public final class ErrorText {

    /** Longest text printed from one field of a dead letter; the rest is counted, not shown. */
    public static final int LIMIT = 240;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"'(),;:]+@[^\\s@<>\"'(),;:]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");

    private ErrorText() {}

    /** {@code raw} as one printable line of at most {@link #LIMIT} characters (plus a note of what was cut). */
    public static String of(String raw) {
        if (raw == null || raw.isBlank()) {
            return "(none given)";
        }
        String line =
                EMAIL.matcher(CONTROL.matcher(raw.strip()).replaceAll(" ")).replaceAll("<email address>");
        if (line.length() <= LIMIT) {
            return line;
        }
        return line.substring(0, LIMIT) + "... (" + (line.length() - LIMIT) + " more characters)";
    }
}
