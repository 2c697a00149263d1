package shop.choreography.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import shop.events.EventJson;

/**
 * A sample EventBridge envelope from {@code events/eventbridge/}: one that consumers must accept.
 *
 * @param name its path below the samples folder, for messages: {@code compatible/order-created-1.1-new-fields.json}
 * @param json the envelope as text, as event-ruler matches it
 * @param envelope the envelope as a tree
 */
public record SampleEvent(String name, String json, JsonNode envelope) {

    /** Folder below the samples that holds events consumers must reject; they are not samples of a valid event. */
    public static final String POISON = "poison";

    /** Every {@code .json} envelope below {@code folder}, except those under {@code poison/}, sorted by name. */
    public static List<SampleEvent> under(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .filter(file -> !folder.relativize(file).startsWith(POISON))
                    .sorted()
                    .map(file -> read(folder, file))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list sample events in " + folder, e);
        }
    }

    /** The envelope's {@code detail}. */
    public JsonNode detail() {
        return envelope.path("detail");
    }

    private static SampleEvent read(Path folder, Path file) {
        try {
            String json = Files.readString(file);
            return new SampleEvent(
                    folder.relativize(file).toString().replace('\\', '/'),
                    json,
                    EventJson.mapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sample event " + file, e);
        }
    }
}
