package shop.wiring;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON object written as one log line (UTF-8, ending in a newline), for {@link StructuredLog} and the metrics
 * lines. Built on Jackson's streaming generator alone: no data binding, so the first line of a cold start loads a
 * handful of classes rather than the serializer machinery.
 *
 * <p>Values keep their JSON shape when they have one (text, numbers, booleans, lists, arrays, maps); an exception is
 * written as its type and message; anything else as its {@code toString()}, never walked field by field, because a
 * record may hold personal data. Not thread-safe: one line, one thread.
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
        } else if (value instanceof Optional<?> optional) {
            write(optional.orElse(null));
        } else if (value instanceof Iterable<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                write(item);
            }
            json.writeEndArray();
        } else if (value instanceof Object[] items) {
            json.writeStartArray();
            for (Object item : items) {
                write(item);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                write(entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Throwable error) {
            json.writeStartObject();
            json.writeStringField("type", error.getClass().getName());
            json.writeStringField("message", error.getMessage());
            json.writeEndObject();
        } else {
            json.writeString(value.toString());
        }
    }
}
