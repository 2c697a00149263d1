package shop.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One function's execution environment: a JVM running the Lambda Java runtime interface client's {@code AWSLambda} with
 * the runtime's jars first on the class path, then the function's classes and jars, and only the environment given
 * (nothing inherited). Its stdout and stderr go to files, read once it ended.
 */
public record RuntimeProcess(Process process, Path stdoutFile, Path stderrFile) implements AutoCloseable {

    private static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** Lambda's java21 flags: what every function runs with there. */
    public static final List<String> LAMBDA_JAVA_FLAGS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /**
     * Starts the runtime for {@code handler} with {@code java} and {@code jvmFlags}, {@code classPath} after the
     * runtime's jars from {@code runtimeJars}, in {@code workDirectory} (empty: Lambda's task root holds nothing else
     * the runtime would load).
     */
    public static RuntimeProcess start(
            Path java,
            List<String> jvmFlags,
            Path runtimeJars,
            List<Path> classPath,
            String handler,
            Map<String, String> environment,
            Path workDirectory) {
        try {
            // Absolute, since the runtime starts in workDirectory; a bare "java" is left to PATH.
            List<String> entries = new ArrayList<>(jars(runtimeJars.toAbsolutePath()));
            classPath.forEach(entry -> entries.add(entry.toAbsolutePath().toString()));
            Files.createDirectories(workDirectory);
            Path stdout = workDirectory.resolve("stdout.log");
            Path stderr = workDirectory.resolve("stderr.log");
            List<String> command = new ArrayList<>();
            command.add(
                    java.getParent() == null
                            ? java.toString()
                            : java.toAbsolutePath().toString());
            command.addAll(jvmFlags);
            command.addAll(List.of("-cp", String.join(File.pathSeparator, entries), MAIN, handler));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDirectory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            return new RuntimeProcess(builder.start(), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the runtime interface client for " + handler, e);
        }
    }

    /** The function as {@code sam build} lays it out under {@code code}: its classes, then its runtime jars. */
    public static List<Path> samBuildClassPath(Path code) {
        List<Path> classPath = new ArrayList<>();
        classPath.add(requireDirectory(code.resolve("target/classes")));
        try {
            jars(code.resolve("target/dependency")).forEach(jar -> classPath.add(Path.of(jar)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the jars of " + code, e);
        }
        return classPath;
    }

    /** The JVM running this code, for a runtime started with the same JDK. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The variables Lambda sets for the runtime of {@code functionName}: the Runtime API's address, the handler and the
     * function's name, version and memory. The caller adds the function's own and AWS's.
     */
    public static Map<String, String> lambdaVariables(
            String functionName, String handler, int memorySize, RuntimeApi api) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_LAMBDA_RUNTIME_API", api.address());
        variables.put("_HANDLER", handler);
        variables.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memorySize));
        return variables;
    }

    /** Ends the runtime (it polls for invocations forever) and answers what it wrote to stdout, line by line. */
    public List<String> stopAndReadStdout() {
        close();
        try {
            return Files.readAllLines(stdoutFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + stdoutFile, e);
        }
    }

    /** What the runtime wrote to stderr, for failure messages. */
    public String stderr() {
        try {
            return Files.readString(stderrFile);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path requireDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException(
                    directory + " is missing: run local-runtime/package-functions.sh "
                            + "template.yaml first (runtime-checks' pre-integration-test phase and benchmarks/run.sh build do)");
        }
        return directory;
    }

    private static List<String> jars(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(requireDirectory(directory))) {
            return files.filter(file -> file.toString().endsWith(".jar"))
                    .sorted()
                    .map(Path::toString)
                    .toList();
        }
    }
}
