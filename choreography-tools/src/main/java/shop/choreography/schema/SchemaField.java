package shop.choreography.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One field of a JSON Schema as a reader sees it.
 *
 * @param path dotted, with {@code []} for array elements: {@code customer.email}, {@code items[].sku}
 * @param types the JSON types it may have; empty when the schema does not say (any type)
 * @param guaranteed present in every valid document: required in its object, and that object guaranteed too (for an
 *     element field, {@code items[].sku}, "in every element")
 * @param allowedValues the values it may take when the schema lists them ({@code enum} or {@code const})
 * @param opaque an object or array whose inside the schema does not describe: reading it reads everything below
 */
public record SchemaField(
        String path, Set<String> types, boolean guaranteed, Optional<List<JsonNode>> allowedValues, boolean opaque) {

    /**
     * True when every value of type {@code produced} is a value of one of {@code accepted} ("integer" is a "number").
     */
    public static boolean typesFit(Set<String> produced, Set<String> accepted) {
        if (accepted.isEmpty()) {
            return true;
        }
        if (produced.isEmpty()) {
            return false;
        }
        return produced.stream()
                .allMatch(type -> accepted.contains(type) || ("integer".equals(type) && accepted.contains("number")));
    }

    /** A short description for messages: {@code "string, required"}. */
    public String describe() {
        String typeText = types.isEmpty() ? "any type" : String.join("|", types);
        return typeText + (guaranteed ? ", required" : ", optional");
    }
}
