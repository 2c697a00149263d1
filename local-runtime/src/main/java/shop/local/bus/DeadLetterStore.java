package shop.local.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import shop.local.functions.Failure;
import shop.local.functions.Invocation;
import shop.local.json.Json;

/**
 * Events a function failed on after its last retry: one file per event and function under
 * {@code <folder>/<Function>/<eventId>.json}, holding exactly the record Lambda sends to an {@code OnFailure}
 * destination (request context with the attempt count, the event as {@code requestPayload}, the error as
 * {@code responsePayload}). Files outlive the run; {@link Redrive} takes them back. Thread-safe.
 */
public final class DeadLetterStore {

    private final Path folder;
    private final Clock clock;

    public DeadLetterStore(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** One stored dead letter. */
    public record DeadLetter(Path file, String function, JsonNode record) {

        /** The event as it was delivered. */
        public JsonNode event() {
            return record.path("requestPayload");
        }

        public String eventId() {
            return event().path("id").asText();
        }

        public int attempts() {
            return record.path("requestContext").path("approximateInvokeCount").asInt();
        }
    }

    /**
     * Stores {@code event} as dead-lettered by {@code function}.
     *
     * @param condition Lambda's reason: {@code RetriesExhausted}, or {@code RuntimeStopped} for what a shutdown cut
     *     short
     */
    public synchronized Path write(
            String function,
            String functionArn,
            JsonNode event,
            Optional<Invocation> last,
            int attempts,
            String condition) {
        ObjectNode record = Json.object();
        record.put("version", "1.0");
        record.put("timestamp", clock.instant().toString());
        ObjectNode context = record.putObject("requestContext");
        context.put("requestId", last.map(Invocation::requestId).orElse(""));
        context.put("functionArn", functionArn + ":$LATEST");
        context.put("condition", condition);
        context.put("approximateInvokeCount", attempts);
        record.set("requestPayload", event);
        ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        response.put("functionError", "Unhandled");
        Failure failure = last.flatMap(Invocation::failure)
                .orElse(Failure.of("LocalRuntimeStopped", "The local runtime stopped before the event was delivered"));
        ObjectNode payload = record.putObject("responsePayload");
        payload.put("errorMessage", failure.errorMessage());
        payload.put("errorType", failure.errorType());
        ArrayNode trace = payload.putArray("stackTrace");
        failure.stackTrace().forEach(trace::add);
        try {
            Path functionFolder = Files.createDirectories(folder.resolve(function));
            String id = event.path("id").asText("event");
            Path file = functionFolder.resolve(id + ".json");
            for (int n = 2; Files.exists(file); n++) {
                file = functionFolder.resolve(id + "." + n + ".json");
            }
            Path partial = functionFolder.resolve("." + file.getFileName() + ".partial");
            Files.write(partial, Json.prettyBytes(record));
            return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dead letter of " + function + " to " + folder, e);
        }
    }

    /** Dead letters of one function, or of all when {@code function} is empty; oldest file name first. */
    public synchronized List<DeadLetter> list(Optional<String> function) {
        List<DeadLetter> letters = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return letters;
        }
        try (Stream<Path> functions = Files.list(folder)) {
            for (Path functionFolder :
                    functions.filter(Files::isDirectory).sorted().toList()) {
                String name = functionFolder.getFileName().toString();
                if (function.isPresent() && !function.get().equals(name)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(functionFolder)) {
                    for (Path file : files.filter(
                                    f -> f.getFileName().toString().endsWith(".json")
                                            && !f.getFileName().toString().startsWith("."))
                            .sorted()
                            .toList()) {
                        letters.add(new DeadLetter(file, name, Json.parse(Files.readAllBytes(file))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read dead letters under " + folder, e);
        }
        return letters;
    }

    public synchronized boolean contains(Path file) {
        return Files.exists(file);
    }

    /** Removes a dead letter once its event is back on the bus. */
    public synchronized void remove(DeadLetter letter) {
        try {
            Files.deleteIfExists(letter.file());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove dead letter " + letter.file(), e);
        }
    }
}
