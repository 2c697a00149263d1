package shop.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CloudWatch embedded metric format objects as the specification defines them, and names every way one breaks it:
 * {@code _aws.Timestamp} a number, {@code _aws.CloudWatchMetrics[]} each with {@code Namespace}, {@code Dimensions}
 * (arrays of names, each a top-level string) and {@code Metrics} (each {@code Name} a top-level number or array of
 * numbers). Shared by every module that checks metrics (a test-jar), so the spec is read in one place.
 */
public final class EmfObjects {

    /** One metric value set as CloudWatch would extract it. */
    public record Datum(
            String namespace, String name, String unit, Map<String, String> dimensions, List<Double> values) {}

    private EmfObjects() {}

    /** Whether {@code line} claims to be EMF (has {@code _aws}); such a line must then pass {@link #problems}. */
    public static boolean isEmf(JsonNode line) {
        return line.has("_aws");
    }

    /** Every way {@code line} breaks the specification; empty when CloudWatch would extract its metrics. */
    public static List<String> problems(JsonNode line) {
        List<String> problems = new ArrayList<>();
        JsonNode aws = line.path("_aws");
        if (!aws.path("Timestamp").isIntegralNumber()) {
            problems.add("_aws.Timestamp is not an integer of epoch milliseconds");
        }
        JsonNode directives = aws.path("CloudWatchMetrics");
        if (!directives.isArray() || directives.isEmpty()) {
            problems.add("_aws.CloudWatchMetrics is not a non-empty array");
            return problems;
        }
        for (JsonNode directive : directives) {
            if (!directive.path("Namespace").isTextual()
                    || directive.path("Namespace").asText().isBlank()) {
                problems.add("a directive has no Namespace");
            }
            for (JsonNode set : directive.path("Dimensions")) {
                if (!set.isArray() || set.size() > 30) {
                    problems.add("a dimension set is not an array of at most 30 names: " + set);
                }
                for (JsonNode dimension : set) {
                    if (!line.path(dimension.asText()).isTextual()) {
                        problems.add("dimension " + dimension + " has no top-level string value");
                    }
                }
            }
            JsonNode metrics = directive.path("Metrics");
            if (!metrics.isArray() || metrics.isEmpty() || metrics.size() > 100) {
                problems.add("Metrics is not an array of 1 to 100 definitions");
            }
            for (JsonNode metric : metrics) {
                JsonNode value = line.path(metric.path("Name").asText());
                boolean numbers = value.isNumber()
                        || value.isArray() && value.size() > 0 && value.size() <= 100 && allNumbers(value);
                if (!numbers) {
                    problems.add("metric " + metric.path("Name") + " has no top-level number or array of numbers");
                }
            }
        }
        return problems;
    }

    /** The data CloudWatch would extract from a valid EMF line. */
    public static List<Datum> data(JsonNode line) {
        List<Datum> data = new ArrayList<>();
        for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
            for (JsonNode set : directive.path("Dimensions")) {
                Map<String, String> dimensions = new LinkedHashMap<>();
                set.forEach(dimension -> dimensions.put(
                        dimension.asText(), line.path(dimension.asText()).asText()));
                for (JsonNode metric : directive.path("Metrics")) {
                    JsonNode value = line.path(metric.path("Name").asText());
                    List<Double> values = new ArrayList<>();
                    if (value.isArray()) {
                        value.forEach(number -> values.add(number.asDouble()));
                    } else {
                        values.add(value.asDouble());
                    }
                    data.add(new Datum(
                            directive.path("Namespace").asText(),
                            metric.path("Name").asText(),
                            metric.path("Unit").asText(null),
                            dimensions,
                            values));
                }
            }
        }
        return data;
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isNumber()) {
                return false;
            }
        }
        return true;
    }
}
