package shop.journey.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import shop.journey.LogEntry;
import shop.journey.ParkedEvent;
import shop.journey.Sources;
import shop.redrive.QueueMessage;

/**
 * The local runtime's data folder ({@code ./run-local}'s {@code .local}): {@code logs/<Function>.log} with lines
 * {@code time<TAB>requestId<TAB>message}, {@code dynamodb/<Table>/<key>.json} items in DynamoDB JSON, and
 * {@code dead-letters/<Function>/<eventId>.json} records as Lambda's OnFailure destination gets them.
 */
public final class LocalData implements Sources.Logs, Sources.Tables, Sources.DeadLetters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    public LocalData(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("No local runtime data folder at " + folder.toAbsolutePath()
                    + ": run ./run-local first, or give --data <folder>");
        }
        this.folder = folder;
    }

    @Override
    public List<LogEntry> mentioning(String function, String text) {
        Path log = folder.resolve("logs").resolve(function + ".log");
        if (!Files.exists(log)) {
            return List.of();
        }
        List<LogEntry> entries = new ArrayList<>();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.filter(line -> line.contains(text)).forEach(line -> {
                String[] columns = line.split("\t", 3);
                if (columns.length == 3) {
                    entries.add(
                            LogEntry.parse(function, instant(columns[0], log), Optional.of(columns[1]), columns[2]));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log, e);
        }
        return entries;
    }

    @Override
    public List<JsonNode> items(String table, Map<String, String> key) {
        Path tableFolder = folder.resolve("dynamodb").resolve(table);
        if (!Files.isDirectory(tableFolder)) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        try (Stream<Path> files = Files.list(tableFolder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                JsonNode item = JSON.readTree(file.toFile());
                boolean matches = key.entrySet().stream().allMatch(part -> {
                    JsonNode value = item.path(part.getKey());
                    return value.path("S").asText(value.path("N").asText("")).equals(part.getValue());
                });
                if (matches) {
                    items.add(item);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the items of " + table + " in " + tableFolder, e);
        }
        return items;
    }

    @Override
    public List<ParkedEvent> in(String queue, String function) {
        Path letters = folder.resolve("dead-letters").resolve(function);
        if (!Files.isDirectory(letters)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(letters)) {
            List<ParkedEvent> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")
                            && !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList()) {
                found.add(ParkedEvent.of(
                        new QueueMessage(file.getFileName().toString(), "local", Files.readString(file), Map.of())));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dead letters of " + function + " in " + letters, e);
        }
    }

    private static Instant instant(String text, Path log) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("A line of " + log + " does not start with a time: " + text, e);
        }
    }
}
