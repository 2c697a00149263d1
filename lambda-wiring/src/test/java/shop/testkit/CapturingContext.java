package shop.testkit;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import shop.wiring.InvocationContext;

/**
 * A Lambda context whose logger keeps every line with the level it was given, so tests can read what a handler logged,
 * and refuses the two calls the runtime would wrap in its own JSON (a {@code String}, or bytes without a level).
 * Thread-safe.
 */
public final class CapturingContext extends InvocationContext implements LambdaLogger {

    /** One line as the runtime received it. */
    public record Line(LogLevel level, String text) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    /** A context for {@code function}, named as in template.yaml. */
    public CapturingContext(String function) {
        this(function, "test-request");
    }

    /** A context for {@code function} in the invocation {@code requestId}. */
    public CapturingContext(String function, String requestId) {
        super(function, requestId);
    }

    /** The text of every line logged so far, oldest first. */
    public List<String> lines() {
        return lines.stream().map(Line::text).toList();
    }

    /** The text of every log line so far, without the metrics (which go at level UNDEFINED), oldest first. */
    public List<String> logLines() {
        return lines.stream()
                .filter(line -> line.level() != LogLevel.UNDEFINED)
                .map(Line::text)
                .toList();
    }

    /** Every log line so far parsed as the JSON object it is, without the metrics, oldest first. */
    public List<JsonNode> logObjects() {
        return logLines().stream().map(CapturingContext::parse).toList();
    }

    /** Every metrics line so far (level UNDEFINED, embedded metric format) parsed as the JSON object it is. */
    public List<JsonNode> metricObjects() {
        return lines.stream()
                .filter(line -> line.level() == LogLevel.UNDEFINED)
                .map(line -> parse(line.text()))
                .toList();
    }

    /** Every line logged so far with its level, oldest first. */
    public List<Line> leveled() {
        return List.copyOf(lines);
    }

    /** Everything logged so far as one string, for "never contains" checks. */
    public String all() {
        return String.join("\n", lines());
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        lines.add(new Line(level, new String(message, StandardCharsets.UTF_8)));
    }

    @Override
    public void log(String message) {
        throw new AssertionError("Under LogFormat JSON the runtime wraps a String as an escaped message: " + message);
    }

    @Override
    public void log(byte[] message) {
        throw new AssertionError("Bytes without a level reach CloudWatch as level UNDEFINED");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Logged line is not JSON: " + line, e);
        }
    }

    @Override
    public LambdaLogger getLogger() {
        return this;
    }
}
