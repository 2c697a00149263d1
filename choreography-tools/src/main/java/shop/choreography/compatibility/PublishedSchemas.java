package shop.choreography.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import shop.events.EventJson;

/**
 * Every published version of an event schema, side by side ({@code <major.minor>.json} in one folder), and the guard
 * that each minor is compatible with the minor before it. A new major may break anything: the producer publishes it
 * alongside the old major, and each consumer's rule picks the majors it reads.
 *
 * <p>Immutable once loaded, so thread-safe.
 */
public final class PublishedSchemas {

    /** One published version and its schema. */
    public record Version(String text, int major, int minor, JsonNode schema) {

        /** The major as consumers and rule patterns name it: {@code "1"}. */
        public String majorText() {
            return Integer.toString(major);
        }
    }

    private final String event;
    private final List<Version> versions;
    private final List<String> problems;

    private PublishedSchemas(String event, List<Version> versions, List<String> problems) {
        this.event = event;
        this.versions = versions;
        this.problems = problems;
    }

    /**
     * Reads the schema of each {@code published} version from {@code folder}; a version without a file, a file without
     * a listed version, or a schema whose {@code schemaVersion} names another version is a problem, not an exception.
     */
    public static PublishedSchemas load(String event, Path folder, List<String> published) {
        List<String> problems = new ArrayList<>();
        List<Version> versions = new ArrayList<>();
        for (String text : published) {
            Optional<int[]> number = parse(text);
            Path file = folder.resolve(text + ".json");
            if (number.isEmpty()) {
                problems.add(event + " version '" + text + "' is not of the form <major>.<minor>");
            } else if (!Files.isRegularFile(file)) {
                problems.add(event + " " + text + " is published but " + file + " does not exist");
            } else {
                JsonNode schema = read(file);
                JsonNode versionConst = schema.path("properties")
                        .path(SchemaComparator.VERSION_FIELD)
                        .path("const");
                if (!text.equals(versionConst.asText())) {
                    problems.add(file + " declares " + SchemaComparator.VERSION_FIELD + " const '"
                            + versionConst.asText() + "', expected '" + text + "'");
                }
                versions.add(new Version(text, number.get()[0], number.get()[1], schema));
            }
        }
        unlistedFiles(folder, published)
                .forEach(file -> problems.add(file + " is not listed as published; add its version "
                        + "to the published versions (OrderCreatedEvent.PUBLISHED_VERSIONS) or delete it"));
        List<Version> sorted = versions.stream()
                .sorted(Comparator.comparingInt(Version::major).thenComparingInt(Version::minor))
                .toList();
        if (!sorted.equals(versions)) {
            problems.add(event + " published versions must be listed oldest first, found " + published);
        }
        problems.addAll(incompatibleMinors(event, sorted));
        return new PublishedSchemas(event, sorted, List.copyOf(problems));
    }

    /** Every version, oldest first. */
    public List<Version> versions() {
        return versions;
    }

    /** The versions of the majors given; all versions when {@code majors} is empty (a rule that filters no version). */
    public List<Version> ofMajors(Set<String> majors) {
        return versions.stream()
                .filter(v -> majors.isEmpty() || majors.contains(v.majorText()))
                .toList();
    }

    /** The newest version. */
    public Version latest() {
        if (versions.isEmpty()) {
            throw new IllegalStateException("No published version of " + event + " could be read: " + problems);
        }
        return versions.get(versions.size() - 1);
    }

    /** What is wrong with the history: incompatible minors, missing or unlisted files; empty when all is well. */
    public List<String> problems() {
        return problems;
    }

    private static List<String> incompatibleMinors(String event, List<Version> sorted) {
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            Version before = sorted.get(i - 1);
            Version after = sorted.get(i);
            if (before.major() != after.major()) {
                continue;
            }
            for (BreakingChange change : SchemaComparator.compare(before.schema(), after.schema())) {
                problems.add(
                        event + " " + before.text() + " -> " + after.text() + " breaks consumers: " + change.describe()
                                + ". Undo it, or publish it as " + event + " " + (after.major() + 1) + ".0 alongside "
                                + after.major() + ".x");
            }
        }
        return problems;
    }

    private static Optional<int[]> parse(String text) {
        String[] parts = text.split("\\.");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<Path> unlistedFiles(Path folder, List<String> published) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .filter(file ->
                            !published.contains(file.getFileName().toString().replaceFirst("\\.json$", "")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return EventJson.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + file, e);
        }
    }
}
