package shop.checkout.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed fields out of a JSON tree, noting an error for each field that is missing or malformed and carrying on,
 * so one pass reports every problem. Not thread-safe: one reader per request.
 */
final class FieldReader {

    private final List<FieldError> errors = new ArrayList<>();

    void reject(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The object at {@code parent.name}, or empty (with an error noted) when it is missing or not an object. */
    Optional<JsonNode> object(JsonNode parent, String name, String path) {
        return present(parent, name, path).filter(node -> expect(node.isObject(), path, "must be an object"));
    }

    /** The array at {@code parent.name}, or empty (with an error noted) when it is missing or not an array. */
    Optional<JsonNode> array(JsonNode parent, String name, String path) {
        return present(parent, name, path).filter(node -> expect(node.isArray(), path, "must be an array"));
    }

    /** A required string of 1 to {@code maxLength} characters that is not blank and has no control characters. */
    String requiredText(JsonNode parent, String name, String path, int maxLength) {
        return present(parent, name, path)
                .map(node -> text(node, path, 1, maxLength))
                .orElse(null);
    }

    /** An optional string of at most {@code maxLength} characters; absent and {@code null} both read as null. */
    String optionalText(JsonNode parent, String name, String path, int maxLength) {
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : text(node, path, 0, maxLength);
    }

    /** A required integer within {@code [min, max]}. */
    Long integer(JsonNode parent, String name, String path, long min, long max) {
        return present(parent, name, path)
                .map(node -> {
                    if (!node.isIntegralNumber()) {
                        reject(path, "must be an integer");
                        return null;
                    }
                    // canConvertToLong is false for numbers beyond a long: they are out of range as much as 10^19 is.
                    if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
                        reject(path, "must be between " + min + " and " + max);
                        return null;
                    }
                    return node.longValue();
                })
                .orElse(null);
    }

    /** An optional boolean, {@code fallback} when absent or null; strings such as "true" are refused. */
    Boolean optionalBoolean(JsonNode parent, String name, String path, boolean fallback) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            reject(path, "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    private Optional<JsonNode> present(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            reject(path, "is required");
            return Optional.empty();
        }
        return Optional.of(node);
    }

    private String text(JsonNode node, String path, int minLength, int maxLength) {
        if (!node.isTextual()) {
            reject(path, "must be a string");
            return null;
        }
        String value = node.textValue();
        // Counted in code points, as JSON Schema's maxLength counts them, so the event schema agrees with us.
        int length = value.codePointCount(0, value.length());
        if (length < minLength || length > maxLength) {
            reject(
                    path,
                    minLength == 0
                            ? "must be at most " + maxLength + " characters"
                            : "must be " + minLength + " to " + maxLength + " characters");
            return null;
        }
        if (minLength > 0 && value.isBlank()) {
            reject(path, "must not be blank");
            return null;
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            reject(path, "must not contain control characters");
            return null;
        }
        return value;
    }

    private boolean expect(boolean condition, String path, String message) {
        if (!condition) {
            reject(path, message);
        }
        return condition;
    }
}
