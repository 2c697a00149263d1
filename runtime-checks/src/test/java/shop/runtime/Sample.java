package shop.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import shop.testkit.SampleEvent;

/**
 * A sample event from {@code events/} as the runtime hands it to a function, with what the checks need to know of it:
 * the order it is about (when it names one), the API request id (API Gateway samples), and the personal data in it,
 * which must never reach a log.
 */
record Sample(String name, String json, String orderId, String apiRequestId, List<String> personalData) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every sample a function of this kind receives: API Gateway requests for a route, bus events for a rule. */
    static List<Sample> forFunction(Path events, boolean hasRoutes, boolean hasRules) {
        List<Sample> samples = new ArrayList<>();
        if (hasRoutes) {
            samples.addAll(load(events, "api-gateway"));
        }
        if (hasRules) {
            samples.addAll(load(events, "eventbridge"));
        }
        return samples;
    }

    private static List<Sample> load(Path events, String folder) {
        Path root = events.resolve(folder);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .map(file -> of(root.relativize(file).toString(), file))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }

    private static Sample of(String name, Path file) {
        try {
            String json = Files.readString(file);
            JsonNode event = JSON.readTree(json);
            JsonNode order = event.has("detail")
                    ? event.path("detail")
                    : event.has("body") ? JSON.readTree(event.path("body").asText("{}")) : JSON.createObjectNode();
            String orderId =
                    order.path("orderId").isTextual() ? order.path("orderId").asText() : null;
            String requestId = event.path("requestContext").path("requestId").asText(null);
            return new Sample(name, json, orderId, requestId, List.copyOf(SampleEvent.personalDataOf(order)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sample " + file, e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
