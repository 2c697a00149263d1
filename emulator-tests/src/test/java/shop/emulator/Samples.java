package shop.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import shop.template.SamTemplate;

/** The repository's sample events ({@code events/}, filed by producer), loaded as the tests need them. */
public final class Samples {

    private static final Path EVENTS = SamTemplate.locate(Path.of("")).resolveSibling("events");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {}

    /** An EventBridge envelope from {@code events/eventbridge/}, as a mutable tree. */
    public static ObjectNode envelope(String name) {
        Path file = EVENTS.resolve("eventbridge").resolve(name);
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sample event " + file, e);
        }
    }

    /**
     * {@link #envelope} with a fresh event id and order id, so each test's order is its own in shared tables and mail.
     */
    public static ObjectNode freshOrder(String name) {
        ObjectNode envelope = envelope(name);
        envelope.put("id", UUID.randomUUID().toString());
        ((ObjectNode) envelope.path("detail")).put("orderId", UUID.randomUUID().toString());
        return envelope;
    }

    /** An API Gateway HTTP API request from {@code events/api-gateway/}: the bytes Lambda would stream to checkout. */
    public static byte[] apiRequest(String name) {
        try {
            return Files.readAllBytes(EVENTS.resolve("api-gateway").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample " + name, e);
        }
    }
}
