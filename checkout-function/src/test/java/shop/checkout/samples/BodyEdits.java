package shop.checkout.samples;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import shop.events.EventJson;

/** Small edits of a request body addressed by JSON Pointer, for building test variations from a sample. */
public final class BodyEdits {

    private BodyEdits() {}

    /** Sets the value at {@code pointer} (e.g. {@code /items/0/quantity}); the parent must exist. */
    public static Consumer<ObjectNode> set(String pointer, Object value) {
        JsonNode node =
                value == null ? NullNode.getInstance() : EventJson.mapper().valueToTree(value);
        return body -> {
            JsonPointer at = JsonPointer.compile(pointer);
            JsonNode parent = body.at(at.head());
            if (parent instanceof ObjectNode object) {
                object.set(at.last().getMatchingProperty(), node);
            } else if (parent instanceof ArrayNode array) {
                array.set(at.last().getMatchingIndex(), node);
            } else {
                throw new IllegalArgumentException("No object or array at the parent of " + pointer);
            }
        };
    }

    /** Removes the field or array element at {@code pointer}. */
    public static Consumer<ObjectNode> remove(String pointer) {
        return body -> {
            JsonPointer at = JsonPointer.compile(pointer);
            JsonNode parent = body.at(at.head());
            if (parent instanceof ObjectNode object) {
                object.remove(at.last().getMatchingProperty());
            } else if (parent instanceof ArrayNode array) {
                array.remove(at.last().getMatchingIndex());
            } else {
                throw new IllegalArgumentException("No object or array at the parent of " + pointer);
            }
        };
    }

    /** Replaces {@code items} with {@code count} copies of the first item. */
    public static Consumer<ObjectNode> itemCount(int count) {
        return body -> {
            JsonNode first = body.get("items").get(0);
            ArrayNode items = body.putArray("items");
            for (int i = 0; i < count; i++) {
                items.add(first.deepCopy());
            }
        };
    }
}
