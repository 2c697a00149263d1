package shop.local.functions;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;
import shop.local.json.Json;

/**
 * A function's log: what its {@link LambdaLogger} writes, one line per call prefixed with time and request id as
 * Lambda's text format does, appended to {@code <logs>/<Function>.log} and, when asked, echoed to the console; after
 * each invocation a {@code platform.report} line as Lambda writes it. Thread-safe.
 */
public final class FunctionLog implements AutoCloseable {

    private final BufferedWriter file;
    private final Optional<PrintStream> echo;
    private final String function;
    private final Clock clock;

    public FunctionLog(Path folder, String function, Optional<PrintStream> echo, Clock clock) {
        try {
            Files.createDirectories(folder);
            this.file = Files.newBufferedWriter(
                    folder.resolve(function + ".log"),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the log of " + function + " in " + folder, e);
        }
        this.echo = echo;
        this.function = function;
        this.clock = clock;
    }

    /** The logger one invocation hands its handler. */
    LambdaLogger forRequest(String requestId) {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                write(requestId, message);
            }

            @Override
            public void log(byte[] message) {
                write(requestId, new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    /**
     * Ends an invocation as Lambda's JSON log format does, with a {@code platform.report} record: request id, duration
     * and status ({@code success}, {@code timeout} or {@code error}). Not echoed to the console.
     */
    void report(Invocation invocation) {
        ObjectNode line = Json.object();
        line.put("time", clock.instant().toString());
        line.put("type", "platform.report");
        ObjectNode record = line.putObject("record");
        record.put("requestId", invocation.requestId());
        ObjectNode metrics = record.putObject("metrics");
        metrics.put("durationMs", invocation.duration().toNanos() / 1_000_000.0);
        record.put(
                "status",
                invocation
                        .failure()
                        .map(failure -> "Sandbox.Timedout".equals(failure.errorType()) ? "timeout" : "error")
                        .orElse("success"));
        append(invocation.requestId(), new String(Json.bytes(line), StandardCharsets.UTF_8));
    }

    private synchronized void write(String requestId, String message) {
        append(requestId, message);
        echo.ifPresent(out -> out.println("  [" + function + "] " + message.stripTrailing()));
    }

    private synchronized void append(String requestId, String message) {
        String line = clock.instant() + "\t" + requestId + "\t" + message.stripTrailing();
        try {
            file.write(line);
            file.newLine();
            file.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the log of " + function, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }
}
