package shop.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one consumer needs from an OrderCreated event: the envelope it expects, the majors it understands and the
 * fields it reads (its own minimal JSON Schema, kept in the consumer's module).
 *
 * <p>Thread-safe once built.
 */
public final class ConsumerContract {

    private final String consumer;
    private final Set<String> majors;
    private final SchemaCheck reads;

    /**
     * @param consumer name used in error messages, e.g. {@code "email-function"}
     * @param majors   schema majors this consumer was built for, e.g. {@code Set.of("1")}
     * @param reads    the consumer's own schema of the fields it reads
     */
    public ConsumerContract(String consumer, Set<String> majors, SchemaCheck reads) {
        this.consumer = consumer;
        this.majors = Set.copyOf(majors);
        this.reads = reads;
    }

    /**
     * Checks the envelope and detail, then binds the detail.
     *
     * @throws InvalidEventException naming every problem found; nothing is half-read
     */
    public OrderCreated read(String source, String detailType, JsonNode detail) {
        List<String> problems = new ArrayList<>();
        if (!OrderCreatedEvent.SOURCE.equals(source)) {
            problems.add("source is '" + source + "', expected '" + OrderCreatedEvent.SOURCE + "'");
        }
        if (!OrderCreatedEvent.DETAIL_TYPE.equals(detailType)) {
            problems.add("detail-type is '" + detailType + "', expected '" + OrderCreatedEvent.DETAIL_TYPE + "'");
        }
        if (detail == null || !detail.isObject()) {
            problems.add("detail is missing or not a JSON object");
            throw new InvalidEventException(consumer, problems);
        }
        JsonNode version = detail.get("schemaVersion");
        if (version == null || !version.isTextual()) {
            problems.add("$.schemaVersion is missing");
        } else if (!majors.contains(OrderCreatedEvent.majorOf(version.asText()))) {
            problems.add("$.schemaVersion " + version.asText() + " is not supported; this consumer reads majors " + majors);
        }
        problems.addAll(reads.violations(detail));
        if (!problems.isEmpty()) {
            throw new InvalidEventException(consumer, problems);
        }
        return EventJson.fromTree(detail);
    }

    /** The consumer's name, as used in messages. */
    public String consumer() {
        return consumer;
    }
}
