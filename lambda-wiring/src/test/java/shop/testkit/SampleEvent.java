package shop.testkit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One EventBridge envelope from {@code events/eventbridge/}, as the bus delivers it to a subscriber: its bytes for a
 * stream handler, its tree for reading fields, and the personal data it carries for "never logged" checks.
 */
public final class SampleEvent {

    /** When tests handle the samples: a few seconds after the first sample's {@code createdAt}. */
    public static final Instant HANDLED_AT = Instant.parse("2025-11-03T09:15:30Z");
    /** A clock stopped at {@link #HANDLED_AT}. */
    public static final Clock HANDLING_CLOCK = Clock.fixed(HANDLED_AT, ZoneOffset.UTC);

    // Escaped, so that any Java string a test puts in (a lone surrogate too) reaches the handler unchanged.
    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final String name;
    private final ObjectNode envelope;

    private SampleEvent(String name, ObjectNode envelope) {
        this.name = name;
        this.envelope = envelope;
    }

    /** The sample {@code events/eventbridge/<file>}, e.g. {@code poison/unknown-major.json}. */
    public static SampleEvent load(String file) {
        try {
            byte[] bytes = Files.readAllBytes(EventsFolder.resolve("eventbridge/" + file));
            return new SampleEvent(file, (ObjectNode) JSON.readTree(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sample " + file, e);
        }
    }

    /** The same order delivered again as a new EventBridge event, e.g. replayed from the archive. */
    public SampleEvent redelivered() {
        ObjectNode copy = envelope.deepCopy();
        copy.put("id", UUID.randomUUID().toString());
        return new SampleEvent(name, copy);
    }

    /** This event with the envelope's {@code field} (e.g. {@code detail-type}) set to {@code value}, or null. */
    public SampleEvent with(String field, JsonNode value) {
        ObjectNode copy = envelope.deepCopy();
        copy.set(field, value);
        return new SampleEvent(name, copy);
    }

    /** This event with the detail's top-level {@code field} set to {@code value}. */
    public SampleEvent withDetailField(String field, JsonNode value) {
        ObjectNode detail = detail().deepCopy();
        detail.set(field, value);
        return with("detail", detail);
    }

    /** Delivers this event to {@code handler} as Lambda does; returns what the handler wrote. */
    public String deliverTo(RequestStreamHandler handler, Context context) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(bytes()), output, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    /** The envelope's bytes, as the bus sends them. */
    public byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope's {@code id}. */
    public String id() {
        return envelope.path("id").asText();
    }

    /** The detail's {@code orderId}, or null when it has no textual one. */
    public String orderId() {
        JsonNode orderId = envelope.path("detail").get("orderId");
        return orderId != null && orderId.isTextual() ? orderId.asText() : null;
    }

    /** The envelope's {@code detail}. */
    public JsonNode detail() {
        return envelope.path("detail");
    }

    /** The personal data the sample carries: the customer's email and name and every part of the address. */
    public List<String> personalData() {
        return personalDataOf(detail());
    }

    /**
     * The personal data of an order, as an event's detail or a checkout request's body holds it: the customer's email
     * and name and every part of the address, text that must never reach a log.
     */
    public static List<String> personalDataOf(JsonNode order) {
        JsonNode customer = order.path("customer");
        JsonNode address = order.path("shippingAddress");
        List<String> values = new ArrayList<>();
        for (JsonNode value : List.of(
                customer.path("email"),
                customer.path("name"),
                address.path("line1"),
                address.path("line2"),
                address.path("city"),
                address.path("region"),
                address.path("postalCode"))) {
            if (value.isTextual() && !value.asText().isBlank()) {
                values.add(value.asText());
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return name;
    }
}
