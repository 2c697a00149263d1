package shop.reliability;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every sample event in {@code events/}, found by walking the folders, so a new sample is checked without a new row.
 */
final class SampleEvents {

    static final Path ROOT = Path.of("..", "events");
    static final Path EVENTBRIDGE = ROOT.resolve("eventbridge");
    static final Path API_GATEWAY = ROOT.resolve("api-gateway");

    private SampleEvents() {}

    /**
     * Every EventBridge envelope, poison and compatible ones included, as paths relative to {@code events/eventbridge}.
     */
    static List<String> eventBridge() {
        return jsonFiles(EVENTBRIDGE);
    }

    /** Every API Gateway request. */
    static List<String> apiGateway() {
        return jsonFiles(API_GATEWAY);
    }

    static APIGatewayV2HTTPEvent request(String sample) {
        return EventLoader.loadApiGatewayHttpEvent(API_GATEWAY.resolve(sample).toString());
    }

    /** The customer's email and name and every address field of an order detail: text that must never be logged. */
    @SuppressWarnings("unchecked")
    static List<String> personalData(Map<String, Object> order) {
        List<String> values = new ArrayList<>();
        Object customer = order.get("customer");
        if (customer instanceof Map<?, ?> map) {
            addText(values, ((Map<String, Object>) map).get("email"));
            addText(values, ((Map<String, Object>) map).get("name"));
        }
        Object address = order.get("shippingAddress");
        if (address instanceof Map<?, ?> map) {
            for (String field : List.of("line1", "line2", "city", "region", "postalCode")) {
                addText(values, ((Map<String, Object>) map).get(field));
            }
        }
        return values;
    }

    private static void addText(List<String> values, Object value) {
        if (value instanceof String text && !text.isBlank()) {
            values.add(text);
        }
    }

    private static List<String> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the samples in " + folder, e);
        }
    }
}
