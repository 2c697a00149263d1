package shop.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.testkit.CapturingContext;

class StructuredLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CapturingContext context = new CapturingContext("F", "req-1");

    @AfterEach
    void clearTraceHeader() {
        System.clearProperty(TraceHeader.PROPERTY);
    }

    static Stream<Arguments> levels() {
        return Stream.of(
                Arguments.of("info", LogLevel.INFO, (BiConsumer<StructuredLog, String>) StructuredLog::info),
                Arguments.of("warn", LogLevel.WARN, (BiConsumer<StructuredLog, String>) StructuredLog::warn),
                Arguments.of("error", LogLevel.ERROR, (BiConsumer<StructuredLog, String>) StructuredLog::error));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void eachLineGoesToTheRuntimeAsOneJsonObjectWithItsRealLevel(
            String name, LogLevel level, BiConsumer<StructuredLog, String> write) throws Exception {
        write.accept(new StructuredLog("TestFunction", context), "thing.happened");

        CapturingContext.Line line = context.leveled().get(0);
        assertThat(line.level()).isEqualTo(level);
        assertThat(line.text()).endsWith("}\n").doesNotContain("\n{");
        JsonNode json = JSON.readTree(line.text());
        assertThat(json.path("level").asText()).isEqualTo(level.name());
        assertThat(json.path("event").asText()).isEqualTo("thing.happened");
    }

    @Test
    void everyLineCarriesTheStandardFieldsFirstThenTheCarriedThenTheCallsFields() throws Exception {
        System.setProperty(
                TraceHeader.PROPERTY, "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        StructuredLog log =
                new StructuredLog("TestFunction", context).and("orderId", "o-1").and("correlationId", "c-1");

        log.info("order.accepted", "status", 202, "attempts", 2L, "keyed", true, "fields", List.of("a", "b"));

        JsonNode json = JSON.readTree(context.leveled().get(0).text());
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "timestamp",
                        "level",
                        "function",
                        "event",
                        "requestId",
                        "traceId",
                        "orderId",
                        "correlationId",
                        "status",
                        "attempts",
                        "keyed",
                        "fields");
        assertThat(Instant.parse(json.path("timestamp").asText())).isNotNull();
        assertThat(json.path("function").asText()).isEqualTo("TestFunction");
        assertThat(json.path("requestId").asText()).isEqualTo("req-1");
        assertThat(json.path("traceId").asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(json.path("orderId").asText()).isEqualTo("o-1");
        assertThat(json.path("status").isInt()).isTrue();
        assertThat(json.path("keyed").isBoolean()).isTrue();
        assertThat(json.path("fields")).hasSize(2);
    }

    @Test
    void outsideATracedInvocationTheTraceIdIsNull() throws Exception {
        new StructuredLog("TestFunction", context).info("thing.happened");

        JsonNode json = JSON.readTree(context.leveled().get(0).text());
        assertThat(json.has("traceId")).isTrue();
        assertThat(json.path("traceId").isNull()).isTrue();
    }

    @Test
    void andAnswersACopyAndLeavesTheOriginalAsItWas() throws Exception {
        StructuredLog plain = new StructuredLog("TestFunction", context);
        plain.and("orderId", "o-1");

        plain.info("thing.happened");

        assertThat(JSON.readTree(context.leveled().get(0).text()).has("orderId"))
                .isFalse();
    }

    @Test
    void instantsAreWrittenAsTextMapsAsObjectsAndExceptionsByTheirTypeAlone() throws Exception {
        new StructuredLog("TestFunction", context)
                .warn(
                        "thing.failed",
                        "at",
                        Instant.parse("2025-01-01T00:00:00Z"),
                        "error",
                        new IllegalStateException("bus said no"),
                        "codes",
                        Map.of("k", 1),
                        "none",
                        null);

        JsonNode json = JSON.readTree(context.leveled().get(0).text());
        assertThat(json.path("at").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(json.path("error").path("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.path("error").has("message")).isFalse();
        assertThat(context.leveled().get(0).text()).doesNotContain("bus said no");
        assertThat(json.path("codes").path("k").asInt()).isEqualTo(1);
        assertThat(json.path("none").isNull()).isTrue();
    }

    /** Shaped like the order event's customer: its {@code toString()} would print personal data. */
    private record Customer(String email) {}

    @Test
    void aValueOfATypeNotLoggedIsRefusedAndNoLineIsWritten() {
        StructuredLog log = new StructuredLog("TestFunction", context).and("orderId", "o-1");

        assertThatThrownBy(() -> log.info("order.accepted", "customer", new Customer("hana@example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Customer.class.getName())
                .hasMessageNotContaining("hana@example.com");
        assertThat(context.leveled()).isEmpty();
    }

    private static StructuredLog log() {
        return new StructuredLog("F", new CapturingContext("F", "r"));
    }

    static Stream<Arguments> misuse() {
        return Stream.of(
                Arguments.of("an odd number of values", (Runnable) () -> log().info("e", "status"), "name/value pairs"),
                Arguments.of(
                        "a standard field given by the caller",
                        (Runnable) () -> log().info("e", "level", "DEBUG"),
                        "'level'"),
                Arguments.of("a standard field carried", (Runnable) () -> log().and("requestId", "x"), "'requestId'"),
                Arguments.of(
                        "a carried field given again",
                        (Runnable) () -> log().and("orderId", "a").info("e", "orderId", "b"),
                        "'orderId'"),
                Arguments.of(
                        "a field carried twice",
                        (Runnable) () -> log().and("orderId", "a").and("orderId", "b"),
                        "'orderId'"),
                Arguments.of(
                        "a name given twice in one line",
                        (Runnable) () -> log().info("e", "status", 400, "reason", "x", "status", 401),
                        "'status'"),
                Arguments.of("a name that is not text", (Runnable) () -> log().info("e", 7, "x"), "position 0"),
                Arguments.of("a blank carried name", (Runnable) () -> log().and(" ", "x"), "non-blank"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuse")
    void aCallersMistakeFailsWhereItIsMadeNamingIt(String name, Runnable call, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("root first", "Root=1-abc-def;Parent=1;Sampled=1", "1-abc-def"),
                Arguments.of("root later, with spaces", "Parent=1; Root=1-abc-def ;Sampled=0", "1-abc-def"),
                Arguments.of("no root: the header as it is", "Self=1-xyz", "Self=1-xyz"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void theTraceIdIsTheHeadersRoot(String name, String header, String traceId) {
        assertThat(TraceHeader.traceIdOf(header)).isEqualTo(traceId);
    }
}
