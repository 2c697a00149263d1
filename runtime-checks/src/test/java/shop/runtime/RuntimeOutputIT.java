package shop.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.FunctionResource;
import shop.template.SamTemplate;
import shop.testkit.EmfObjects;
import shop.testkit.LogLines;
import shop.wiring.TraceHeader;

/**
 * Every function of {@code template.yaml}, fed every sample event of its kind under the real Lambda Java runtime
 * interface client with {@code AWS_LAMBDA_LOG_FORMAT=JSON}, judged by what the runtime wrote to stdout (what CloudWatch
 * would receive) and by the calls that reached AWS.
 */
class RuntimeOutputIT {

    private static final Path TEMPLATE = SamTemplate.locateConfigured();
    private static final Path RUNTIME_JARS = Path.of(System.getProperty("runtime.class.path"));
    private static final Path EVENTS = TEMPLATE.getParent().resolve("events");
    private static final SamTemplate MODEL = SamTemplate.load(TEMPLATE);
    private static final Set<String> REAL_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    private static final ObjectMapper JSON = new ObjectMapper();
    // One run per function and level, shared by the checks below: starting a runtime costs seconds.
    private static final Map<String, FunctionRun> RUNS = new ConcurrentHashMap<>();

    static Stream<FunctionResource> functions() {
        return MODEL.functions().stream();
    }

    private static FunctionRun run(FunctionResource function, String logLevel) {
        return RUNS.computeIfAbsent(function.logicalId() + "@" + logLevel, key -> {
            List<Sample> samples = Sample.forFunction(
                    EVENTS, !function.routes().isEmpty(), !function.rules().isEmpty());
            assertThat(samples).as("samples for %s", function.logicalId()).isNotEmpty();
            try {
                Path work = Path.of("target", "runs", key.replace('@', '-'));
                return FunctionRun.of(MODEL, function, samples, logLevel, RUNTIME_JARS, work);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (TimeoutException e) {
                throw new IllegalStateException(function.logicalId() + " did not answer in time", e);
            }
        });
    }

    @Test
    void everyFunctionOfTheTemplateIsChecked() {
        assertThat(functions().map(FunctionResource::logicalId))
                .contains("CheckoutFunction", "EmailFunction", "WarehouseFunction", "RewardsFunction");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void everyLineIsOneJsonObjectWithARealLevelOrAnEmbeddedMetricObject(FunctionResource function) {
        FunctionRun run = run(function, "INFO");

        assertThat(run.stdout())
                .as("stdout of %s; stderr:%n%s", function.logicalId(), run.stderr())
                .isNotEmpty();
        assertThat(run.jsonLines()).allSatisfy(line -> {
            if (EmfObjects.isEmf(line)) {
                assertThat(EmfObjects.problems(line)).as("EMF line %s", line).isEmpty();
            } else {
                assertThat(line.path("level").asText()).as("level of %s", line).isIn(REAL_LEVELS);
                assertThat(line.has("message"))
                        .as("a line the runtime wrapped: %s", line)
                        .isEqualTo(line.has("AWSRequestId"));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void everyInvocationIsLoggedAndEachLineAboutAnOrderCarriesItsIdAsAField(FunctionResource function) {
        FunctionRun run = run(function, "INFO");

        assertThat(run.invocations()).allSatisfy(invocation -> {
            List<JsonNode> ours = run.linesOf(invocation).stream()
                    .filter(line -> line.has("event") && !EmfObjects.isEmf(line))
                    .toList();
            assertThat(ours)
                    .as("%s lines of %s", function.logicalId(), invocation.sample())
                    .isNotEmpty()
                    .allSatisfy(line -> {
                        assertThat(line.path("function").asText()).isEqualTo(function.logicalId());
                        assertThat(line.path("traceId").asText())
                                .isEqualTo(TraceHeader.traceIdOf(invocation.traceHeader()));
                    });
            String orderId = orderIdOf(invocation);
            if (orderId != null) {
                assertThat(ours)
                        .as("lines about order %s (%s)", orderId, invocation.sample())
                        .allSatisfy(line ->
                                assertThat(line.path("orderId").asText(null)).isEqualTo(orderId));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void noPersonalDataReachesStdout(FunctionResource function) {
        FunctionRun run = run(function, "INFO");
        String stdout = String.join(
                "\n", run.stdout().stream().map(LogLines::withoutClockValues).toList());

        assertThat(run.invocations())
                .allSatisfy(invocation -> assertThat(stdout)
                        .as("%s output for %s", function.logicalId(), invocation.sample())
                        .doesNotContain(invocation.sample().personalData()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void everyAwsCallCarriesTheTraceHeaderOfItsInvocation(FunctionResource function) {
        FunctionRun run = run(function, "INFO");

        List<FunctionRun.Invocation> calling = run.invocations().stream()
                .filter(invocation -> !invocation.calls().isEmpty())
                .toList();
        assertThat(calling)
                .as("invocations of %s that called AWS", function.logicalId())
                .isNotEmpty();
        assertThat(calling)
                .allSatisfy(invocation -> assertThat(invocation.calls())
                        .allSatisfy(call -> assertThat(call.traceHeader())
                                .as("%s of %s", call.operation(), invocation.sample())
                                .isEqualTo(invocation.traceHeader())));
    }

    @Test
    void checkoutPublishesWithTheTraceHeaderLogsTheCorrelationIdAndCountsTheOrder() {
        FunctionResource checkout = MODEL.function("CheckoutFunction");
        FunctionRun run = run(checkout, "INFO");

        List<FunctionRun.Invocation> accepted = run.invocations().stream()
                .filter(invocation -> invocation.outcome().succeeded() && statusOf(invocation) == 202)
                .toList();
        assertThat(accepted).as("accepted checkout samples").isNotEmpty().allSatisfy(invocation -> {
            assertThat(invocation.calls())
                    .extracting(AwsRecorder.Call::operation)
                    .containsExactly("AWSEvents.PutEvents");
            assertThat(run.linesOf(invocation))
                    .filteredOn(line -> !EmfObjects.isEmf(line))
                    .allSatisfy(line -> assertThat(line.path("correlationId").asText())
                            .isEqualTo(invocation.sample().apiRequestId()));
            assertThat(run.linesOf(invocation))
                    .filteredOn(EmfObjects::isEmf)
                    .flatMap(EmfObjects::data)
                    .extracting(EmfObjects.Datum::name)
                    .contains("OrdersAccepted", "PutEventsAttempts");
        });
    }

    @Test
    void theApplicationLogLevelDropsLinesBelowItButNeverTheMetrics() {
        FunctionResource checkout = MODEL.function("CheckoutFunction");
        FunctionRun run = run(checkout, "WARN");

        List<JsonNode> lines = run.jsonLines();
        assertThat(lines)
                .filteredOn(line -> !EmfObjects.isEmf(line))
                .allSatisfy(line -> assertThat(line.path("level").asText()).isIn("WARN", "ERROR", "FATAL"));
        assertThat(lines)
                .filteredOn(EmfObjects::isEmf)
                .flatMap(EmfObjects::data)
                .extracting(EmfObjects.Datum::name)
                .contains("OrdersAccepted", "OrdersRefused");
        assertThat(run(checkout, "INFO").jsonLines())
                .anySatisfy(line -> assertThat(line.path("level").asText()).isEqualTo("INFO"));
    }

    /** The order an invocation is about: the event's, or the one checkout answered 202 with. */
    private static String orderIdOf(FunctionRun.Invocation invocation) {
        if (invocation.sample().json().contains("\"detail-type\"")) {
            return invocation.sample().orderId();
        }
        if (invocation.outcome().succeeded() && statusOf(invocation) == 202) {
            return body(invocation).path("orderId").asText(null);
        }
        return null;
    }

    private static int statusOf(FunctionRun.Invocation invocation) {
        return response(invocation).path("statusCode").asInt();
    }

    private static JsonNode body(FunctionRun.Invocation invocation) {
        try {
            return JSON.readTree(response(invocation).path("body").asText("{}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode response(FunctionRun.Invocation invocation) {
        try {
            return JSON.readTree(invocation.outcome().body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
