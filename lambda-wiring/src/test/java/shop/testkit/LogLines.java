package shop.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Log lines as the personal-data checks read them. */
public final class LogLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogLines() {}

    /**
     * The line without what the clock writes (the timestamp, EMF's metadata and its metric values), whose digits can
     * match a postal code by chance; everything a function chose to write stays. A line that is not a JSON object is
     * returned as it is.
     */
    public static String withoutClockValues(String line) {
        JsonNode entry;
        try {
            entry = JSON.readTree(line);
        } catch (IOException notJson) {
            return line;
        }
        if (!(entry instanceof ObjectNode object)) {
            return line;
        }
        ObjectNode copy = object.deepCopy();
        copy.remove("timestamp");
        JsonNode metrics = copy.remove("_aws");
        if (metrics != null) {
            metrics.path("CloudWatchMetrics").findValues("Name").forEach(name -> copy.remove(name.asText()));
        }
        return copy.toString();
    }
}
