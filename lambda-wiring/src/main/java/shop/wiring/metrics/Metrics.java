package shop.wiring.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shop.wiring.JsonLine;
import shop.wiring.TraceHeader;

/**
 * The metrics of one invocation, written on {@link #flush} as CloudWatch embedded metric format (EMF) objects, one per
 * set of dimension values: {@code _aws.Timestamp}, {@code _aws.CloudWatchMetrics[]} with {@code Namespace},
 * {@code Dimensions} and {@code Metrics}, and the dimension and metric values as top-level fields (several values of
 * one metric as an array), plus {@code requestId} and {@code traceId} to find the invocation's log lines.
 *
 * <p>Every metric has the dimension {@code Function} (the template's logical id); {@link #count(String, String,
 * String)} adds one more. Names are in {@link MetricNames}.
 *
 * <p>The objects go to the runtime as bytes of level UNDEFINED: the runtime interface client writes bytes as they are
 * (CloudWatch must receive the EMF object itself, not one wrapped in a {@code message}) and never drops UNDEFINED, so
 * raising {@code ApplicationLogLevel} to WARN cannot silently empty the dashboard. Written by hand to the specification
 * rather than with {@code aws-embedded-metrics}, whose sinks print to {@code System.out} past the runtime's logger. Not
 * thread-safe: one instance per invocation.
 */
public final class Metrics {

    /** CloudWatch namespace of every metric the functions write. */
    public static final String NAMESPACE = "Checkout";

    /** The dimension every metric carries: the template's logical id of the function. */
    public static final String FUNCTION_DIMENSION = "Function";

    /** EMF units used here; CloudWatch spells each as its constant's name in title case. */
    public enum Unit {
        COUNT,
        MILLISECONDS;

        /** The unit as CloudWatch names it, e.g. {@code Milliseconds}. */
        public String cloudWatchName() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    private record Series(Unit unit, List<Double> values) {}

    private final String function;
    private final LambdaLogger logger;
    private final String requestId;
    private final Clock clock;
    // Insertion-ordered, so a flush writes lines and metrics in the order the invocation recorded them.
    private final Map<Map<String, String>, Map<String, Series>> byDimensions = new LinkedHashMap<>();

    /** The metrics of the invocation {@code context} belongs to, for the template function {@code function}. */
    public Metrics(String function, Context context) {
        this(function, context, Clock.systemUTC());
    }

    /** As {@link #Metrics(String, Context)}, with the clock that dates lines and measures {@link #orderAge}. */
    public Metrics(String function, Context context, Clock clock) {
        this.function = function;
        this.logger = context.getLogger();
        this.requestId = context.getAwsRequestId();
        this.clock = clock;
    }

    /** Counts one of {@code name}. */
    public Metrics count(String name) {
        return add(name, Unit.COUNT, 1, null, null);
    }

    /** Counts one of {@code name} under a second dimension: {@code count("OrdersRefused", "Reason", "invalid")}. */
    public Metrics count(String name, String dimension, String value) {
        if (dimension == null || dimension.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "Metric " + name + " needs a dimension name and value, got " + dimension + "=" + value);
        }
        return add(name, Unit.COUNT, 1, dimension, value);
    }

    /** Records {@code value} of {@code name} in {@code unit}, e.g. attempts made or a duration. */
    public Metrics add(String name, Unit unit, double value) {
        return add(name, unit, value, null, null);
    }

    /**
     * Records how old an order was when this function made its effect, from its {@code createdAt} to now, in
     * milliseconds ({@link MetricNames#ORDER_AGE}): across subscribers, the choreography's end-to-end latency.
     */
    public Metrics orderAge(Instant createdAt) {
        return add(
                MetricNames.ORDER_AGE,
                Unit.MILLISECONDS,
                Duration.between(createdAt, clock.instant()).toMillis(),
                null,
                null);
    }

    /** Writes what was recorded since the last flush and forgets it; writes nothing when nothing was recorded. */
    public void flush() {
        long timestamp = clock.millis();
        String traceId = TraceHeader.current().map(TraceHeader::traceIdOf).orElse(null);
        for (Map.Entry<Map<String, String>, Map<String, Series>> group : byDimensions.entrySet()) {
            logger.log(line(timestamp, traceId, group.getKey(), group.getValue()), LogLevel.UNDEFINED);
        }
        byDimensions.clear();
    }

    private Metrics add(String name, Unit unit, double value, String dimension, String dimensionValue) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A metric needs a name");
        }
        if (FUNCTION_DIMENSION.equals(dimension)) {
            throw new IllegalArgumentException(
                    "Metric " + name + ": " + FUNCTION_DIMENSION + " is set for every metric");
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put(FUNCTION_DIMENSION, function);
        if (dimension != null) {
            dimensions.put(dimension, dimensionValue);
        }
        Series series = byDimensions
                .computeIfAbsent(dimensions, key -> new LinkedHashMap<>())
                .computeIfAbsent(name, key -> new Series(unit, new ArrayList<>()));
        if (series.unit() != unit) {
            throw new IllegalArgumentException("Metric " + name + " is recorded in " + series.unit() + ", not " + unit);
        }
        series.values().add(value);
        return this;
    }

    /** Whole values (every count, every millisecond) as integers: shorter lines, no floating-point formatting. */
    private static Number compact(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }

    private byte[] line(long timestamp, String traceId, Map<String, String> dimensions, Map<String, Series> metrics) {
        JsonLine line = new JsonLine();
        try {
            JsonGenerator json = line.generator();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", timestamp);
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", NAMESPACE);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            for (String dimension : dimensions.keySet()) {
                json.writeString(dimension);
            }
            json.writeEndArray();
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (Map.Entry<String, Series> metric : metrics.entrySet()) {
                json.writeStartObject();
                json.writeStringField("Name", metric.getKey());
                json.writeStringField("Unit", metric.getValue().unit().cloudWatchName());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to memory", e);
        }
        dimensions.forEach(line::field);
        for (Map.Entry<String, Series> metric : metrics.entrySet()) {
            List<Number> values =
                    metric.getValue().values().stream().map(Metrics::compact).toList();
            line.field(metric.getKey(), values.size() == 1 ? values.get(0) : values);
        }
        return line.field("requestId", requestId).field("traceId", traceId).end();
    }
}
