package shop.checkout.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import shop.events.EventJson;

/**
 * Turns the raw HTTP body (possibly base64-encoded by API Gateway) into a JSON tree, within the size limit. The bytes
 * must be well-formed UTF-8 ({@link Utf8Text}) and every string in the tree well-formed Unicode: Jackson, handed bytes,
 * would guess UTF-16 or UTF-32 and accept overlong forms, and it lets escaped lone surrogates (<code>"&#92;ud800"
 * </code>) through, which later turn into {@code ?} in the email and the tables.
 */
public final class RequestBody {

    /** What the body turned out to be. */
    public sealed interface Content {}

    /** A JSON document, not yet validated. */
    public record Json(JsonNode tree) implements Content {}

    /** Over {@link Limits#MAX_BODY_BYTES}; {@code bytes} is its decoded size. */
    public record TooLarge(long bytes) implements Content {}

    /** Absent, not base64 although flagged so, not UTF-8, not JSON, or holding strings that are not Unicode. */
    public record Unreadable(List<FieldError> errors) implements Content {
        public Unreadable {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("An unreadable body needs at least one error");
            }
            errors = List.copyOf(errors);
        }
    }

    // Duplicate keys and trailing data are refused: two parsers must never read one body two ways.
    private static final ObjectReader JSON = EventJson.mapper()
            .reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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
            // Plain text reached us as a Java string; only an unpaired surrogate can make it ill-formed.
            int unpaired = Utf8Text.unpairedSurrogate(body);
            if (unpaired >= 0) {
                return unreadable("is not well-formed Unicode: character " + unpaired + " is an unpaired surrogate "
                        + Utf8Text.unit(body, unpaired));
            }
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > Limits.MAX_BODY_BYTES) {
            return new TooLarge(bytes.length);
        }
        // Decoded here, strictly, so Jackson reads characters and never guesses an encoding or repairs one.
        Utf8Text.Decoded decoded = Utf8Text.decode(bytes);
        if (decoded instanceof Utf8Text.Refused refused) {
            return unreadable(refused.message());
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(((Utf8Text.Text) decoded).text());
        } catch (JsonProcessingException notJson) {
            // Only the position: Jackson's message quotes the body, which may hold personal data.
            JsonLocation at = notJson.getLocation();
            return unreadable(
                    at == null
                            ? "is not valid JSON"
                            : "is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        List<FieldError> surrogates = unpairedSurrogates(tree);
        return surrogates.isEmpty() ? new Json(tree) : new Unreadable(surrogates);
    }

    /**
     * Every string value and member name holding an escaped lone surrogate, by path. Iterative, so a deeply nested body
     * costs heap, not stack; Jackson has already bounded the depth.
     */
    private static List<FieldError> unpairedSurrogates(JsonNode tree) {
        List<FieldError> errors = new ArrayList<>();
        Deque<Map.Entry<String, JsonNode>> pending = new ArrayDeque<>();
        pending.push(Map.entry("$", tree));
        while (!pending.isEmpty()) {
            Map.Entry<String, JsonNode> next = pending.pop();
            String path = next.getKey();
            JsonNode node = next.getValue();
            if (node.isTextual()) {
                int unpaired = Utf8Text.unpairedSurrogate(node.textValue());
                if (unpaired >= 0) {
                    errors.add(new FieldError(
                            path,
                            "is not well-formed Unicode: character " + unpaired + " is an unpaired surrogate "
                                    + Utf8Text.unit(node.textValue(), unpaired)));
                }
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    pending.push(Map.entry(path + "[" + i + "]", node.get(i)));
                }
            } else if (node.isObject()) {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
                node.properties().forEach(member -> {
                    String name = member.getKey();
                    int unpaired = Utf8Text.unpairedSurrogate(name);
                    if (unpaired >= 0) {
                        // The name cannot go into the path: it is not text. Its value is not looked into either.
                        errors.add(new FieldError(
                                path,
                                "has a member name that is not well-formed Unicode: character " + unpaired
                                        + " is an unpaired surrogate " + Utf8Text.unit(name, unpaired)));
                    } else {
                        members.add(Map.entry(child(path, name), member.getValue()));
                    }
                });
                for (int i = members.size() - 1; i >= 0; i--) {
                    pending.push(members.get(i));
                }
            }
        }
        return errors;
    }

    /** {@code $.name}, or {@code $['odd name']} for a name that is not a plain identifier. */
    private static String child(String path, String name) {
        return PLAIN_NAME.matcher(name).matches()
                ? path + "." + name
                : path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static Unreadable unreadable(String message) {
        return new Unreadable(List.of(new FieldError("$", message)));
    }
}
