package shop.checkout.samples;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import shop.events.EventJson;
import shop.testkit.RawBytes;

/**
 * Request bodies as bytes, among them byte sequences no JSON library writes (overlong forms, code points beyond
 * U+10FFFF, other encodings), built from the no-signup sample so that the bytes in question are the only fault.
 */
public final class RawBodies {

    /** The customer name in the no-signup sample; corruptions go between its two words. */
    private static final String NAME = "Jonas Feld";

    private RawBodies() {}

    /** The no-signup sample's body in UTF-8 with {@code inserted} bytes between the words of the customer's name. */
    public static byte[] withNameBytes(int... inserted) {
        return RawBytes.insertedAfter(utf8(), NAME.substring(0, NAME.indexOf(' ') + 1), inserted);
    }

    /** The no-signup sample's body encoded in {@code charset}, after {@code prefix} (a byte order mark, say). */
    public static byte[] encoded(Charset charset, int... prefix) {
        return RawBytes.encoded(SampleRequests.load(SampleRequests.NO_SIGNUP).getBody(), charset, prefix);
    }

    /** The no-signup sample's body as it is, in UTF-8. */
    public static byte[] utf8() {
        return encoded(StandardCharsets.UTF_8);
    }

    /**
     * The no-signup sample's body changed by {@code edit} and written with every non-ASCII unit as a JSON escape, as
     * Jackson writes it: a lone surrogate set by {@code edit} arrives as <code>&#92;ud800</code>, plain ASCII text.
     */
    public static byte[] escaped(Consumer<ObjectNode> edit) {
        ObjectNode body = SampleRequests.body(SampleRequests.NO_SIGNUP);
        edit.accept(body);
        try {
            return EventJson.mapper()
                    .writer()
                    .with(JsonWriteFeature.ESCAPE_NON_ASCII)
                    .writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write a JSON tree", e);
        }
    }

    /** The no-signup sample carrying {@code body}: base64 as API Gateway sends bytes, or as text when asked. */
    public static APIGatewayV2HTTPEvent request(byte[] body, boolean base64) {
        APIGatewayV2HTTPEvent event = SampleRequests.load(SampleRequests.NO_SIGNUP);
        event.setBody(base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        event.setIsBase64Encoded(base64);
        return event;
    }
}
