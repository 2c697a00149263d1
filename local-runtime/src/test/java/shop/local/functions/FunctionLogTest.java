package shop.local.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each invocation ends its function's log with Lambda's {@code platform.report} record, which journey reads. */
class FunctionLogTest {

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of("success", Optional.empty(), "success"),
                Arguments.of(
                        "handler error", Optional.of(Failure.of("java.lang.IllegalStateException", "boom")), "error"),
                Arguments.of("timeout", Optional.of(Failure.of("Sandbox.Timedout", "Task timed out")), "timeout"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void anInvocationEndsWithAReportOfItsDurationAndStatus(
            String name, Optional<Failure> failure, String status, @TempDir Path folder) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
        try (FunctionLog log = new FunctionLog(folder, "EmailFunction", Optional.empty(), clock)) {
            log.forRequest("req-1").log("{\"level\":\"INFO\",\"event\":\"confirmation.handled\"}");
            log.report(new Invocation("req-1", false, Duration.ofMillis(1250), Optional.empty(), failure, List.of()));
        }

        List<String> lines = Files.readAllLines(folder.resolve("EmailFunction.log"));
        assertThat(lines).hasSize(2);
        String[] columns = lines.get(1).split("\t", 3);
        assertThat(columns[1]).isEqualTo("req-1");
        JsonNode report = new ObjectMapper().readTree(columns[2]);
        assertThat(report.path("type").asText()).isEqualTo("platform.report");
        assertThat(report.path("record").path("requestId").asText()).isEqualTo("req-1");
        assertThat(report.path("record").path("metrics").path("durationMs").asDouble())
                .isEqualTo(1250.0);
        assertThat(report.path("record").path("status").asText()).isEqualTo(status);
    }
}
