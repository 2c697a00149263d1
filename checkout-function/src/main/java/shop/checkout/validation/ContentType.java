package shop.checkout.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a request's {@code Content-Type}: checkout reads JSON ({@code application/json} or {@code application/*+json})
 * in UTF-8. Parameters are allowed; a {@code charset} other than {@code utf-8} is not.
 *
 * <p>A request without {@code Content-Type} gets 415 as well. RFC 9110 (section 8.3) lets a recipient either take such
 * a body for {@code application/octet-stream}, which is not JSON, or sniff it, which guesses; the OWASP REST Security
 * Cheat Sheet advises refusing a missing content type. A client that forgot the header is told what to send instead of
 * having its bytes guessed at. Stateless, thread-safe.
 */
public final class ContentType {

    /** Header name as clients send it; {@code Submission.header} finds it whatever its case. */
    public static final String HEADER = "Content-Type";

    /** The only charset JSON between systems may use (RFC 8259, section 8.1). */
    static final String UTF_8 = "utf-8";

    // RFC 9110 section 5.6.2 (token), 5.6.4 (quoted-string) and 8.3.1 (media-type = type "/" subtype parameters).
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED =
            "\"(?:[\\t \\x21\\x23-\\x5B\\x5D-\\x7E\\x80-\\xFF]|\\\\[\\t \\x21-\\x7E\\x80-\\xFF])*\"";
    private static final String PARAMETER = "[ \\t]*;[ \\t]*(?:(" + TOKEN + ")=(" + TOKEN + "|" + QUOTED + "))?";
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("(" + TOKEN + ")/(" + TOKEN + ")((?:" + PARAMETER + ")*)");
    private static final Pattern PARAMETERS = Pattern.compile(PARAMETER);

    private ContentType() {}

    /** The verdict on the header. */
    public sealed interface Verdict {}

    /** JSON in UTF-8: the body may be read. */
    public record Json() implements Verdict {}

    /** Anything else; {@code error} names the header and says what to send, without repeating what was sent. */
    public record Unsupported(FieldError error) implements Verdict {}

    /** Judges the header's value; empty when the request has no such header. */
    public static Verdict judge(Optional<String> header) {
        if (header.isEmpty()) {
            return unsupported("is required: send the order with 'Content-Type: application/json'");
        }
        Matcher mediaType = MEDIA_TYPE.matcher(header.get().strip());
        if (!mediaType.matches()) {
            return unsupported("is not a media type: send 'Content-Type: application/json'");
        }
        String type = mediaType.group(1).toLowerCase(Locale.ROOT);
        String subtype = mediaType.group(2).toLowerCase(Locale.ROOT);
        boolean json = type.equals("application")
                && (subtype.equals("json") || subtype.endsWith("+json") && subtype.length() > "+json".length());
        if (!json) {
            return unsupported("must be application/json or application/*+json: checkout reads JSON only");
        }
        Matcher parameter = PARAMETERS.matcher(mediaType.group(3));
        while (parameter.find()) {
            if (parameter.group(1) != null
                    && parameter.group(1).equalsIgnoreCase("charset")
                    && !unquote(parameter.group(2)).equalsIgnoreCase(UTF_8)) {
                return unsupported(
                        "must not name a charset other than utf-8: JSON is exchanged in UTF-8 only" + " (RFC 8259)");
            }
        }
        return new Json();
    }

    private static String unquote(String value) {
        return value.startsWith("\"") ? value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1") : value;
    }

    private static Unsupported unsupported(String message) {
        return new Unsupported(new FieldError("header:" + HEADER, message));
    }
}
