package shop.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Request bodies changed byte by byte: the faults no JSON library writes (overlong forms, other encodings). */
public final class RawBytes {

    private RawBytes() {}

    /** {@code body} with {@code inserted} bytes right after the first {@code after} in it (ASCII or UTF-8 text). */
    public static byte[] insertedAfter(byte[] body, String after, int... inserted) {
        int at = new String(body, StandardCharsets.ISO_8859_1)
                .indexOf(new String(after.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        if (at < 0) {
            throw new IllegalArgumentException("The body no longer holds '" + after + "'");
        }
        at += after.getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        for (int b : inserted) {
            out.write(b);
        }
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    /** {@code text} encoded in {@code charset}, after {@code prefix} (a byte order mark, say). */
    public static byte[] encoded(String text, Charset charset, int... prefix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b : prefix) {
            out.write(b);
        }
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }
}
