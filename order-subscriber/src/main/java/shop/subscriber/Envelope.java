package shop.subscriber;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import shop.events.EventJson;
import shop.events.InvalidEventException;

/**
 * The EventBridge envelope as Lambda hands it to a rule target, read with the contract's own mapper rather than the
 * events library (which would bring joda-time into every package and a reflective binding into every cold start).
 *
 * @param detailType the envelope's {@code detail-type}: the one place that JSON name is mapped
 */
public record Envelope(String id, String source, String detailType, JsonNode detail) {

    /** Reads one envelope; anything that is not a JSON object is poison, named for {@code consumer}. */
    public static Envelope read(InputStream input, String consumer) {
        JsonNode tree;
        try {
            tree = EventJson.mapper().readTree(input);
        } catch (IOException unreadable) {
            throw new InvalidEventException(consumer, List.of("the event is not JSON"));
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException(consumer, List.of("the event is not a JSON object"));
        }
        return new Envelope(text(tree, "id"), text(tree, "source"), text(tree, "detail-type"), tree.get("detail"));
    }

    /**
     * The order id of a detail that may be invalid, for tying a rejected event to its order in the logs: null unless
     * the detail has a textual {@code orderId}. Only that field is read; the rest may hold personal data.
     */
    public String orderId() {
        return detail == null ? null : text(detail, "orderId");
    }

    /** The detail's {@code correlationId} (OrderCreated 1.1 on), for the logs of an event that may be invalid. */
    public String correlationId() {
        return detail == null ? null : text(detail, "correlationId");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
