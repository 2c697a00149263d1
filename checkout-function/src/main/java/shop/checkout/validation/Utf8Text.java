package shop.checkout.validation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8, as RFC 8259 requires of JSON exchanged between systems: bytes that are not well-formed UTF-8 are
 * refused, never repaired. Java's decoder, told to report, refuses overlong forms ({@code C0 AF}, {@code E0 80 AF}),
 * encoded surrogates ({@code ED A0 80}), code points beyond U+10FFFF ({@code F4 90 80 80}, {@code F5 ..}), stray
 * continuation bytes and truncated sequences. A byte order mark, and text in UTF-16 or UTF-32, are named as such.
 *
 * <p>Messages give positions and encodings only, never the text, which may be personal data. Stateless, thread-safe.
 */
public final class Utf8Text {

    /** The outcome of decoding: the text, or why there is none. */
    public sealed interface Decoded {}

    /** Well-formed UTF-8 without a byte order mark. */
    public record Text(String text) implements Decoded {}

    /** Not well-formed UTF-8; {@code message} says what it is instead. */
    public record Refused(String message) implements Decoded {}

    private Utf8Text() {}

    /** Decodes {@code bytes}, refusing anything but well-formed UTF-8 without a byte order mark. */
    public static Decoded decode(byte[] bytes) {
        String otherEncoding = otherEncoding(bytes);
        if (otherEncoding != null) {
            return new Refused(otherEncoding);
        }
        // A decoder per call: CharsetDecoder keeps state and is not thread-safe.
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never yields more UTF-16 units than it has bytes, so this buffer cannot overflow.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return new Refused("is not well-formed UTF-8: byte " + in.position() + " starts an invalid sequence"
                    + " (an overlong form, a surrogate, a code point beyond U+10FFFF, or a broken sequence)");
        }
        if (result.isOverflow()) {
            throw new IllegalStateException("UTF-8 decoded to more characters than it has bytes");
        }
        return new Text(out.flip().toString());
    }

    /**
     * The index of the first UTF-16 unit of {@code text} that is half of a surrogate pair without its other half, or
     * -1. Such a unit is no character at all; Java would write it as {@code ?}, and JSON may smuggle it in escaped.
     */
    public static int unpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char unit = text.charAt(i);
            boolean paired = Character.isHighSurrogate(unit)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(unit)) {
                return i;
            }
        }
        return -1;
    }

    /** The unit at {@code index} of {@code text}, as <code>&#92;uD800</code>: names what is wrong, not the text. */
    public static String unit(CharSequence text, int index) {
        return String.format(Locale.ROOT, "\\u%04X", (int) text.charAt(index));
    }

    /**
     * Names a byte order mark or a UTF-16/UTF-32 layout at the start of {@code bytes}, or returns null. Without a mark,
     * the zero bytes give those encodings away: JSON text starts with an ASCII character, which UTF-16 and UTF-32 pad
     * with zeros (the detection RFC 4627 section 3 describes), and no JSON text holds a raw zero byte.
     */
    private static String otherEncoding(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return "starts with a byte order mark: send UTF-8 without one (RFC 8259, section 8.1)";
        }
        String withMark = startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)
                ? "UTF-32BE"
                : startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)
                        ? "UTF-32LE"
                        : startsWith(bytes, 0xFE, 0xFF)
                                ? "UTF-16BE"
                                : startsWith(bytes, 0xFF, 0xFE) ? "UTF-16LE" : null;
        if (withMark != null) {
            return "is " + withMark + " (it starts with that byte order mark): send UTF-8";
        }
        String unmarked = bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0
                ? "UTF-32BE"
                : bytes.length >= 4 && bytes[0] != 0 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 0
                        ? "UTF-32LE"
                        : bytes.length >= 2 && bytes[0] == 0
                                ? "UTF-16BE"
                                : bytes.length >= 2 && bytes[0] != 0 && bytes[1] == 0 ? "UTF-16LE" : null;
        return unmarked == null ? null : "looks like " + unmarked + " (zero bytes between its characters): send UTF-8";
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
