package shop.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of the contract, shared by producer and consumers so both agree on dates and unknown fields.
 *
 * <p>Thread-safe: the mapper is configured once and never changed.
 */
public final class EventJson {

    // Tolerant reader: a consumer built against 1.0 must keep working when 1.1 adds a field.
    // Optional parts are left out rather than written as null: the schema types them as strings, not "string or null".
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventJson() {}

    /** The shared mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The detail as a JSON tree, as it goes on the bus. */
    public static JsonNode toTree(OrderCreated detail) {
        return MAPPER.valueToTree(detail);
    }

    /** Binds an already-validated detail tree to the record; absent parts stay null. */
    public static OrderCreated fromTree(JsonNode detail) {
        return MAPPER.convertValue(detail, OrderCreated.class);
    }
}
