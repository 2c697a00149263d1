package shop.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import shop.local.aws.ServiceError;
import shop.local.json.Json;

/**
 * DynamoDB attribute values in their wire form ({@code {"S": "x"}}, {@code {"N": "1"}}, ...): their type, equality and
 * ordering as DynamoDB defines them, and number arithmetic.
 */
final class AttributeValues {

    private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");

    private AttributeValues() {}

    /** The value's type descriptor, e.g. {@code "S"}. */
    static String type(JsonNode value) {
        return value.fieldNames().next();
    }

    /** Rejects what DynamoDB rejects: no or several types, unparsable numbers, empty or repeated sets. */
    static void validate(String name, JsonNode value) {
        if (value == null || !value.isObject() || value.size() != 1 || !TYPES.contains(type(value))) {
            throw ServiceError.validation("One or more parameter values were invalid: attribute " + name
                    + " must have exactly one of the types " + TYPES);
        }
        String type = type(value);
        JsonNode content = value.get(type);
        switch (type) {
            case "N" -> number(name, content.asText());
            case "SS", "NS", "BS" -> {
                if (!content.isArray() || content.isEmpty()) {
                    throw ServiceError.validation("One or more parameter values were invalid: An " + type
                            + " may not be empty (attribute " + name + ")");
                }
                Set<String> seen = new HashSet<>();
                for (JsonNode member : content) {
                    String key = "NS".equals(type)
                            ? number(name, member.asText()).stripTrailingZeros().toPlainString()
                            : member.asText();
                    if (!seen.add(key)) {
                        throw ServiceError.validation("One or more parameter values were invalid: Input collection "
                                + "contains duplicates (attribute " + name + ")");
                    }
                }
            }
            case "M" -> content.properties().forEach(field -> validate(name + "." + field.getKey(), field.getValue()));
            case "L" -> content.forEach(member -> validate(name + "[]", member));
            default -> {}
        }
    }

    /** DynamoDB equality: same type and same value; numbers compare numerically, sets as sets. */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null || !type(a).equals(type(b))) {
            return false;
        }
        String type = type(a);
        JsonNode x = a.get(type);
        JsonNode y = b.get(type);
        return switch (type) {
            case "N" -> new BigDecimal(x.asText()).compareTo(new BigDecimal(y.asText())) == 0;
            case "SS", "BS" -> members(x).equals(members(y));
            case "NS" -> numbers(x).equals(numbers(y));
            case "M" -> x.size() == y.size() && allFieldsEqual(x, y);
            case "L" -> x.size() == y.size() && allElementsEqual(x, y);
            default -> x.equals(y);
        };
    }

    /** Ordering of two scalars of one type (S by UTF-8 bytes, N numerically, B by bytes); empty when not comparable. */
    static Optional<Integer> compare(JsonNode a, JsonNode b) {
        if (a == null || b == null || !type(a).equals(type(b))) {
            return Optional.empty();
        }
        String type = type(a);
        return switch (type) {
            case "N" ->
                Optional.of(new BigDecimal(a.get("N").asText())
                        .compareTo(new BigDecimal(b.get("N").asText())));
            case "S" ->
                Optional.of(Arrays.compareUnsigned(
                        a.get("S").asText().getBytes(StandardCharsets.UTF_8),
                        b.get("S").asText().getBytes(StandardCharsets.UTF_8)));
            case "B" -> Optional.of(Arrays.compareUnsigned(bytes(a.get("B")), bytes(b.get("B"))));
            default -> Optional.empty();
        };
    }

    static BigDecimal number(String name, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw ServiceError.validation("One or more parameter values were invalid: attribute " + name
                    + " is not a number: '" + text + "'");
        }
    }

    static ObjectNode number(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return Json.object().put("N", (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString());
    }

    private static byte[] bytes(JsonNode base64) {
        return Base64.getDecoder().decode(base64.asText());
    }

    private static Set<String> members(JsonNode array) {
        Set<String> members = new HashSet<>();
        array.forEach(member -> members.add(member.asText()));
        return members;
    }

    private static Set<BigDecimal> numbers(JsonNode array) {
        Set<BigDecimal> numbers = new HashSet<>();
        array.forEach(member -> numbers.add(new BigDecimal(member.asText()).stripTrailingZeros()));
        return numbers;
    }

    private static boolean allFieldsEqual(JsonNode x, JsonNode y) {
        for (Map.Entry<String, JsonNode> field : x.properties()) {
            if (!equal(field.getValue(), y.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allElementsEqual(JsonNode x, JsonNode y) {
        for (int i = 0; i < x.size(); i++) {
            if (!equal(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }
}
