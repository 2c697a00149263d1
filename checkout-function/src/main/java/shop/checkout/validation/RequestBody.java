package shop.checkout.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import shop.events.EventJson;

/** Turns the raw HTTP body (possibly base64-encoded by API Gateway) into a JSON tree, within the size limit. */
public final class RequestBody {

    /** What the body turned out to be. */
    public sealed interface Content {}

    /** A JSON document, not yet validated. */
    public record Json(JsonNode tree) implements Content {}

    /** Over {@link Limits#MAX_BODY_BYTES}; {@code bytes} is its decoded size. */
    public record TooLarge(long bytes) implements Content {}

    /** Absent, not base64 although flagged so, or not JSON. */
    public record Unreadable(FieldError error) implements Content {}

    // Duplicate keys and trailing data are refused: two parsers must never read one body two ways.
    private static final ObjectReader JSON = EventJson.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestBody() {}

    /** Reads {@code body}; {@code base64Encoded} is API Gateway's {@code isBase64Encoded} flag. */
    public static Content read(String body, boolean base64Encoded) {
        if (body == null || body.isBlank()) {
            return unreadable("is required: send the order as a JSON object");
        }
        // Base64 grows data by a third; anything longer than that cannot decode within the limit.
        if (base64Encoded && body.length() > (Limits.MAX_BODY_BYTES / 3 + 1) * 4L) {
            return new TooLarge(body.length() / 4L * 3L);
        }
        byte[] bytes;
        if (base64Encoded) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException notBase64) {
                return unreadable("is flagged as base64 but is not valid base64");
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > Limits.MAX_BODY_BYTES) {
            return new TooLarge(bytes.length);
        }
        try {
            return new Json(JSON.readTree(bytes));
        } catch (JsonProcessingException notJson) {
            // Only the position: Jackson's message quotes the body, which may hold personal data.
            JsonLocation at = notJson.getLocation();
            return unreadable(at == null ? "is not valid JSON"
                    : "is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Reading an in-memory body failed", e);
        }
    }

    private static Unreadable unreadable(String message) {
        return new Unreadable(new FieldError("$", message));
    }
}
