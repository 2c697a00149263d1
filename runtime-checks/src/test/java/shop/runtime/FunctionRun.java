package shop.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

/**
 * One function of the template run under the real runtime interface client, one JVM for all its samples (a warm
 * execution environment), each invocation with its own request id and trace header; what came back, what the function
 * called, and every line the runtime wrote to stdout.
 */
record FunctionRun(FunctionResource function, List<Invocation> invocations, List<String> stdout, String stderr) {

    /** One invocation: its sample, ids, outcome and the AWS calls made while it ran. */
    record Invocation(
            Sample sample,
            String requestId,
            String traceHeader,
            RuntimeApi.Outcome outcome,
            List<AwsRecorder.Call> calls) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(60);
    /** Parameters the template declares without a default, as a deployment would give them. */
    private static final Map<String, String> PARAMETERS = Map.of("SenderAddress", "orders@example.com");

    /** Runs {@code samples} through {@code function} at {@code logLevel} ({@code AWS_LAMBDA_LOG_LEVEL}). */
    static FunctionRun of(
            SamTemplate template,
            FunctionResource function,
            List<Sample> samples,
            String logLevel,
            Path runtimeJars,
            Path workDirectory)
            throws InterruptedException, TimeoutException {
        Path root = SamTemplate.locateConfigured().getParent();
        try (AwsRecorder aws = AwsRecorder.start();
                RuntimeApi api = RuntimeApi.start(function.logicalId());
                RuntimeProcess runtime = RuntimeProcess.start(
                        RuntimeProcess.currentJava(),
                        RuntimeProcess.LAMBDA_JAVA_FLAGS,
                        runtimeJars,
                        RuntimeProcess.samBuildClassPath(root.resolve(function.codeUri())),
                        function.handler(),
                        environment(template, function, logLevel, api, aws),
                        workDirectory)) {
            List<Invocation> invocations = new ArrayList<>();
            int round = 0;
            try {
                for (Sample sample : samples) {
                    round++;
                    String requestId = String.format("00000000-0000-4000-8000-%012d", round);
                    String traceHeader = traceHeader(round);
                    int before = aws.calls().size();
                    RuntimeApi.Outcome outcome =
                            api.invoke(requestId, traceHeader, sample.json(), INVOCATION_TIMEOUT, runtime.process());
                    List<AwsRecorder.Call> calls = aws.calls();
                    invocations.add(new Invocation(
                            sample, requestId, traceHeader, outcome, calls.subList(before, calls.size())));
                }
            } catch (IllegalStateException | TimeoutException e) {
                throw new IllegalStateException(
                        function.logicalId() + " under the runtime interface client: " + e.getMessage() + "\nstderr:\n"
                                + runtime.stderr(),
                        e);
            }
            List<String> stdout = runtime.stopAndReadStdout();
            return new FunctionRun(function, List.copyOf(invocations), stdout, runtime.stderr());
        }
    }

    /** Each stdout line parsed; a line that is not one JSON object fails, quoting it. */
    List<JsonNode> jsonLines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout) {
            try {
                JsonNode json = JSON.readTree(line);
                if (json == null || !json.isObject()) {
                    throw new AssertionError(function.logicalId() + " wrote a line that is not a JSON object: " + line);
                }
                lines.add(json);
            } catch (IOException e) {
                throw new AssertionError(function.logicalId() + " wrote a line that is not JSON: " + line, e);
            }
        }
        return lines;
    }

    /** The lines of one invocation: ours carry {@code requestId}, the runtime's own {@code AWSRequestId}. */
    List<JsonNode> linesOf(Invocation invocation) {
        return jsonLines().stream()
                .filter(line ->
                        invocation.requestId().equals(line.path("requestId").asText(null))
                                || invocation
                                        .requestId()
                                        .equals(line.path("AWSRequestId").asText(null)))
                .toList();
    }

    private static Map<String, String> environment(
            SamTemplate template, FunctionResource function, String logLevel, RuntimeApi api, AwsRecorder aws) {
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> env.put(name, resolve(template, function, name, value)));
        env.putAll(
                RuntimeProcess.lambdaVariables(function.logicalId(), function.handler(), function.memorySize(), api));
        env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
        env.put("AWS_LAMBDA_LOG_LEVEL", logLevel);
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_DEFAULT_REGION", "eu-west-1");
        env.put("AWS_ACCESS_KEY_ID", "runtime-checks");
        env.put("AWS_SECRET_ACCESS_KEY", "runtime-checks");
        env.put("AWS_SESSION_TOKEN", "runtime-checks");
        env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
        return env;
    }

    /** A template value as a stack resolves it: a resource's Ref to its logical id, a parameter's to its value. */
    private static String resolve(SamTemplate template, FunctionResource function, String name, Object value) {
        if (value instanceof String text) {
            return text;
        }
        Optional<String> referenced = SamTemplate.referencedId(value);
        if (referenced.isEmpty()) {
            throw new IllegalStateException(function.logicalId() + " variable " + name + " is " + value
                    + ": runtime-checks resolves strings and Ref only; teach FunctionRun.resolve the new form");
        }
        String id = referenced.get();
        if (template.resources().containsKey(id)) {
            return id;
        }
        return Optional.ofNullable(PARAMETERS.get(id))
                .or(() -> template.parameterDefault(id))
                .orElseThrow(() -> new IllegalStateException(function.logicalId() + " variable " + name
                        + " refers to parameter " + id + ", which has no default: add it to FunctionRun.PARAMETERS"));
    }

    /** An X-Ray trace header as Lambda sends it, different per invocation. */
    private static String traceHeader(int round) {
        HexFormat hex = HexFormat.of();
        return "Root=1-" + hex.toHexDigits(0x67d15a62 + round) + "-" + "3f5a1c2b4d6e7f80" + hex.toHexDigits(round)
                + ";Parent=" + hex.toHexDigits((long) round * 7919) + ";Sampled=1";
    }
}
