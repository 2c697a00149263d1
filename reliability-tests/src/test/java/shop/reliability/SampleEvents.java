package shop.reliability;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
