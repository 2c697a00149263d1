package shop.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.testkit.CapturingContext;
import shop.testkit.EmfObjects;
import shop.testkit.EmfObjects.Datum;
import shop.wiring.metrics.MetricNames;
import shop.wiring.metrics.Metrics;

class MetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-11-03T09:15:30Z");

    private final CapturingContext context = new CapturingContext("F", "req-1");
    private final Metrics metrics = new Metrics("CheckoutFunction", context, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFlushWritesOneEmfObjectPerDimensionSetThatParsesAsTheSpecSays() {
        metrics.count(MetricNames.ORDERS_ACCEPTED)
                .add(MetricNames.PUT_EVENTS_ATTEMPTS, Metrics.Unit.COUNT, 2)
                .count(MetricNames.ORDERS_REFUSED, MetricNames.REASON, "invalid");

        metrics.flush();

        List<JsonNode> lines = lines();
        assertThat(lines)
                .hasSize(2)
                .allSatisfy(line -> assertThat(EmfObjects.problems(line)).isEmpty());
        assertThat(lines.stream().flatMap(line -> EmfObjects.data(line).stream()))
                .containsExactly(
                        new Datum(
                                Metrics.NAMESPACE,
                                "OrdersAccepted",
                                "Count",
                                Map.of("Function", "CheckoutFunction"),
                                List.of(1.0)),
                        new Datum(
                                Metrics.NAMESPACE,
                                "PutEventsAttempts",
                                "Count",
                                Map.of("Function", "CheckoutFunction"),
                                List.of(2.0)),
                        new Datum(
                                Metrics.NAMESPACE,
                                "OrdersRefused",
                                "Count",
                                Map.of("Function", "CheckoutFunction", "Reason", "invalid"),
                                List.of(1.0)));
        assertThat(lines.get(0).path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(lines.get(0).path("requestId").asText()).isEqualTo("req-1");
    }

    @Test
    void metricsGoToTheRuntimeAsBytesItNeverFiltersNorWraps() {
        metrics.count(MetricNames.PROCESSED).flush();

        assertThat(context.leveled()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(LogLevel.UNDEFINED);
            assertThat(line.text()).startsWith("{\"_aws\"").endsWith("}\n");
        });
    }

    @Test
    void severalValuesOfOneMetricAreWrittenAsAnArray() {
        metrics.count(MetricNames.DUPLICATES).count(MetricNames.DUPLICATES).flush();

        assertThat(EmfObjects.data(lines().get(0)))
                .singleElement()
                .extracting(Datum::values)
                .isEqualTo(List.of(1.0, 1.0));
    }

    @Test
    void orderAgeIsTheMillisecondsFromCreationToNow() {
        metrics.orderAge(NOW.minusMillis(1_250)).flush();

        assertThat(EmfObjects.data(lines().get(0))).singleElement().satisfies(datum -> {
            assertThat(datum.name()).isEqualTo(MetricNames.ORDER_AGE);
            assertThat(datum.unit()).isEqualTo("Milliseconds");
            assertThat(datum.values()).containsExactly(1_250.0);
        });
    }

    @Test
    void aFlushWithNothingRecordedWritesNothingAndAFlushForgetsWhatItWrote() {
        metrics.flush();
        metrics.count(MetricNames.REJECTED).flush();
        metrics.flush();

        assertThat(context.lines()).hasSize(1);
    }

    @Test
    void wholeValuesAreWrittenAsIntegersAndFractionsAsTheyAre() {
        metrics.add("Ratio", Metrics.Unit.COUNT, 0.25)
                .count(MetricNames.PROCESSED)
                .flush();

        JsonNode line = lines().get(0);
        assertThat(line.path("Ratio").asDouble()).isEqualTo(0.25);
        assertThat(line.path(MetricNames.PROCESSED).isIntegralNumber()).isTrue();
    }

    @Test
    void oneMetricInTwoUnitsIsRefused() {
        metrics.count("Thing");

        assertThatThrownBy(() -> metrics.add("Thing", Metrics.Unit.MILLISECONDS, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Thing");
    }

    private List<JsonNode> lines() {
        return context.leveled().stream()
                .map(line -> {
                    try {
                        return JSON.readTree(line.text());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
