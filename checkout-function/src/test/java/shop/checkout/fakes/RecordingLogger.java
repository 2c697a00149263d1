package shop.checkout.fakes;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import shop.events.EventJson;

/** A LambdaLogger that keeps every line, so tests can read what a handler would have written to CloudWatch. */
public final class RecordingLogger implements LambdaLogger {

    private final List<String> lines = new ArrayList<>();

    @Override
    public void log(String message) {
        lines.add(message);
    }

    @Override
    public void log(byte[] message) {
        lines.add(new String(message, StandardCharsets.UTF_8));
    }

    /** Everything written, one entry per call. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Everything written, joined, for "never contains" checks. */
    public String text() {
        return String.join("\n", lines);
    }

    /** Each log line parsed as the JSON object StructuredLog writes; metrics lines left out. */
    public List<JsonNode> jsonLines() {
        return lines.stream()
                .map(RecordingLogger::parse)
                .filter(line -> !line.has("_aws"))
                .toList();
    }

    /** Each metrics line (CloudWatch embedded metric format, an object with {@code _aws}), parsed. */
    public List<JsonNode> metricLines() {
        return lines.stream()
                .map(RecordingLogger::parse)
                .filter(line -> line.has("_aws"))
                .toList();
    }

    private static JsonNode parse(String line) {
        try {
            return EventJson.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Log line is not JSON: " + line, e);
        }
    }
}
