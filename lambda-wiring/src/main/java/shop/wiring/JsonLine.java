package shop.wiring;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * One JSON object written as one log line (UTF-8, ending in a newline), for {@link StructuredLog} and the metrics
 * lines. Built on Jackson's streaming generator alone: no data binding, so the first line of a cold start loads a
 * handful of classes rather than the serializer machinery.
 *
 * <p>Only the types callers log are written: text, whole and decimal numbers, booleans, enums (their name),
 * {@link Instant} and {@link UUID} (their ISO and canonical text), collections and maps of these (keys text or enums),
 * and null. An exception is written as its class name alone: its message may quote a request body or an order
 * (Jackson's do). Any other type is refused with an {@link IllegalArgumentException} naming the type, never written by
 * its {@code toString()}: a record's prints every field, and an order's fields are personal data. Not thread-safe: one
 * line, one thread.
 */
public final class JsonLine {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private final JsonGenerator json;

    /** Opens the object. */
    public JsonLine() {
        try {
            json = FACTORY.createGenerator(out);
            json.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to memory", e);
        }
    }

    /** Adds {@code name: value}. */
    public JsonLine field(String name, Object value) {
        try {
            json.writeFieldName(name);
            write(value);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to memory", e);
        }
    }

    /** The generator, for structure {@link #field} cannot express (the metrics directive); leave the object open. */
    public JsonGenerator generator() {
        return json;
    }

    /** Closes the object and answers the line's bytes, newline included, as the runtime's own JSON lines end. */
    public byte[] end() {
        try {
            json.writeEndObject();
            json.close();
            out.write('\n');
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to memory", e);
        }
    }

    private void write(Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof CharSequence text) {
            json.writeString(text.toString());
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            json.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof BigInteger integer) {
            json.writeNumber(integer);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Enum<?> constant) {
            json.writeString(constant.name());
        } else if (value instanceof Instant instant) {
            json.writeString(instant.toString());
        } else if (value instanceof UUID uuid) {
            json.writeString(uuid.toString());
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                write(item);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(key(entry.getKey()));
                write(entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Throwable error) {
            json.writeStartObject();
            json.writeStringField("type", error.getClass().getName());
            json.writeEndObject();
        } else {
            throw refused("value", value);
        }
    }

    private static String key(Object key) {
        if (key instanceof CharSequence text) {
            return text.toString();
        }
        if (key instanceof Enum<?> constant) {
            return constant.name();
        }
        throw refused("map key", key);
    }

    /** Names the type only: the value itself may be the personal data the refusal keeps out of the log. */
    private static IllegalArgumentException refused(String what, Object value) {
        return new IllegalArgumentException("A log "
                + what
                + " of type "
                + (value == null ? "null" : value.getClass().getName())
                + " is not written: log text, numbers, booleans, enums, Instant, UUID, lists or maps of these,"
                + " or an exception (its class name only)");
    }
}
