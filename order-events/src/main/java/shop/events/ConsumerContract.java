package shop.events;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one consumer needs from an OrderCreated event: the envelope it expects, the majors it understands and the fields
 * it reads (its own minimal JSON Schema, kept in the consumer's module).
 *
 * <p>Thread-safe once built.
 */
public final class ConsumerContract {

    private final String consumer;
    private final Set<String> majors;
    private final SchemaCheck reads;

    /**
     * @param consumer name used in error messages, e.g. {@code "email-function"}
     * @param majors schema majors this consumer was built for, e.g. {@code Set.of("1")}
     * @param reads the consumer's own schema of the fields it reads
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
            problems.add(
                    "$.schemaVersion " + version.asText() + " is not supported; this consumer reads majors " + majors);
        }
        problems.addAll(reads.violations(detail));
        if (!problems.isEmpty()) {
            throw new InvalidEventException(consumer, problems);
        }
        try {
            return EventJson.fromTree(detail);
        } catch (IllegalArgumentException unreadable) {
            // A field this consumer's schema leaves unchecked can still break binding (createdAt: true): name it, so
            // the event is parked with a reason like any other, but never quote its value, which may be personal data.
            throw new InvalidEventException(consumer, List.of(unreadableField(unreadable)));
        }
    }

    private static String unreadableField(IllegalArgumentException unreadable) {
        if (!(unreadable.getCause() instanceof JsonMappingException mapping)) {
            return "detail cannot be read as OrderCreated";
        }
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        Class<?> type = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return path + " cannot be read" + (type == null ? "" : " as " + type.getSimpleName());
    }

    /** The consumer's name, as used in messages. */
    public String consumer() {
        return consumer;
    }
}
