package shop.wiring;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per log line, keyed by an event name and correlated by order id.
 *
 * <p>Callers pass identifiers and outcomes only. Customer emails, names and addresses are personal data and never
 * belong in a log; {@code PersonalDataInLogsTest} runs every sample event through every handler to hold that line.
 */
public final class StructuredLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String function;
    private final LambdaLogger logger;

    public StructuredLog(String function, LambdaLogger logger) {
        this.function = function;
        this.logger = logger;
    }

    /** Writes {@code {"function":..,"event":..,<fields>}}; {@code fields} alternate name and value. */
    public void info(String event, Object... fields) {
        write("INFO", event, fields);
    }

    /** As {@link #info}, at level WARN, for failures that will be retried or dead-lettered. */
    public void warn(String event, Object... fields) {
        write("WARN", event, fields);
    }

    private void write(String level, String event, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("Log fields come in name/value pairs, got " + fields.length + " values");
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("function", function);
        line.put("event", event);
        for (int i = 0; i < fields.length; i += 2) {
            line.put(String.valueOf(fields[i]), fields[i + 1]);
        }
        try {
            logger.log(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            // A value that cannot be written is a programming error in the caller; say which event it was.
            throw new IllegalArgumentException("Cannot write log line for " + event, e);
        }
    }
}
