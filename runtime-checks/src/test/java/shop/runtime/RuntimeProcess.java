package shop.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One function's execution environment: a JVM running the Lambda Java runtime interface client's {@code AWSLambda} with
 * the runtime's jars first on the class path, then the function as {@code sam build} lays it out
 * ({@code target/classes}, {@code target/dependency/*.jar}), and only the environment given (nothing inherited). Its
 * stdout and stderr go to files, read once it ended.
 */
record RuntimeProcess(Process process, Path stdoutFile, Path stderrFile) implements AutoCloseable {

    private static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /**
     * Starts the runtime for {@code handler} from the build output under {@code code}, with the runtime's jars from
     * {@code runtimeJars}, in {@code workDirectory} (empty: Lambda's task root holds nothing else the runtime would
     * load).
     */
    static RuntimeProcess start(
            Path runtimeJars, Path code, String handler, Map<String, String> environment, Path workDirectory) {
        try {
            List<String> classPath = new ArrayList<>(jars(runtimeJars));
            classPath.add(requireDirectory(code.resolve("target/classes")).toString());
            classPath.addAll(jars(requireDirectory(code.resolve("target/dependency"))));
            Files.createDirectories(workDirectory);
            Path stdout = workDirectory.resolve("stdout.log");
            Path stderr = workDirectory.resolve("stderr.log");
            // Lambda's java21 flags: what every function runs with there.
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(
                            java,
                            "-XX:+TieredCompilation",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-cp",
                            String.join(File.pathSeparator, classPath),
                            MAIN,
                            handler)
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

    /** Ends the runtime (it polls for invocations forever) and answers what it wrote to stdout, line by line. */
    List<String> stopAndReadStdout() {
        close();
        try {
            return Files.readAllLines(stdoutFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + stdoutFile, e);
        }
    }

    /** What the runtime wrote to stderr, for failure messages. */
    String stderr() {
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
            throw new IllegalStateException(directory + " is missing: run local-runtime/package-functions.sh "
                    + "template.yaml first (this module's pre-integration-test phase does)");
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
