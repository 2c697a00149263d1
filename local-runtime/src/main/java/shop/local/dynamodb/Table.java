package shop.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import shop.local.aws.ServiceError;
import shop.local.json.Json;

/**
 * One table, in memory, with a folder of one file per item in DynamoDB's own JSON (what {@code aws dynamodb get-item}
 * prints) that follows it. Callers serialise writes ({@link DynamoDbService} holds one lock); reads are safe at any
 * time.
 */
final class Table {

    private final String name;
    private final Map<String, String> keyTypes;
    private final Path folder;
    private final Map<String, ObjectNode> items = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();

    /** @param keyTypes key attribute names, hash first, to their scalar type ({@code S}, {@code N} or {@code B}) */
    Table(String name, Map<String, String> keyTypes, Path folder) {
        this.name = name;
        this.keyTypes = new LinkedHashMap<>(keyTypes);
        this.folder = folder;
    }

    String name() {
        return name;
    }

    /** The stored item with the key of {@code keyOrItem}, when there is one. */
    Optional<ObjectNode> get(JsonNode keyOrItem) {
        return Optional.ofNullable(items.get(fileName(keyOrItem)));
    }

    /** Stores {@code item} in memory; its file follows with {@link #writeFiles}. */
    void put(ObjectNode item) {
        String file = fileName(item);
        items.put(file, item);
        dirty.add(file);
    }

    void delete(JsonNode key) {
        String file = fileName(key);
        items.remove(file);
        dirty.add(file);
    }

    /** Brings the item files written or deleted since the last call in line with memory. */
    synchronized void writeFiles() {
        if (dirty.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(folder);
            for (Iterator<String> names = dirty.iterator(); names.hasNext(); ) {
                String file = names.next();
                names.remove();
                ObjectNode item = items.get(file);
                if (item == null) {
                    Files.deleteIfExists(folder.resolve(file));
                } else {
                    Path partial = folder.resolve("." + file + ".partial");
                    Files.write(partial, Json.prettyBytes(item));
                    Files.move(
                            partial,
                            folder.resolve(file),
                            StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the item files of table " + name + " to " + folder, e);
        }
    }

    /** After a start from the journal: every file is rewritten, and files of items that are gone are deleted. */
    void resyncFiles() {
        dirty.addAll(items.keySet());
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(file -> file.getFileName().toString())
                        .filter(file -> file.endsWith(".json") && !items.containsKey(file))
                        .forEach(dirty::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list table folder " + folder, e);
            }
        }
    }

    /** Every item, in no particular order. */
    Collection<ObjectNode> all() {
        return items.values();
    }

    /**
     * Checks that {@code key} is exactly a key of this table (for {@code Key} parameters) or contains one (for items),
     * with the declared types, as DynamoDB does.
     */
    void checkKey(JsonNode key, boolean exactly) {
        if (key == null || !key.isObject()) {
            throw ServiceError.validation("One or more parameter values were invalid: the key is missing");
        }
        keyTypes.forEach((attribute, type) -> {
            JsonNode value = key.get(attribute);
            if (value == null) {
                throw ServiceError.validation(
                        exactly
                                ? "The provided key element does not match the schema"
                                : "One or more parameter values were invalid: Missing the key " + attribute
                                        + " in the item");
            }
            AttributeValues.validate(attribute, value);
            String actual = AttributeValues.type(value);
            if (!type.equals(actual)) {
                throw ServiceError.validation("One or more parameter values were invalid: Type mismatch for key "
                        + attribute + " expected: " + type + " actual: " + actual);
            }
            if (value.get(actual).asText().isEmpty()) {
                throw ServiceError.validation(
                        "One or more parameter values are not valid. The AttributeValue for a key "
                                + "attribute cannot contain an empty string value. Key: " + attribute);
            }
        });
        if (exactly && key.size() != keyTypes.size()) {
            throw ServiceError.validation("The provided key element does not match the schema");
        }
    }

    boolean isKeyAttribute(String attribute) {
        return keyTypes.containsKey(attribute);
    }

    /** The key as people read it: {@code customerId=cust-1, entry=BALANCE}. */
    String describeKey(JsonNode keyOrItem) {
        StringBuilder text = new StringBuilder();
        keyTypes.forEach((attribute, type) -> {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(attribute)
                    .append('=')
                    .append(keyOrItem.path(attribute).path(type).asText());
        });
        return text.toString();
    }

    /** The key attributes of {@code item}. */
    ObjectNode keyOf(JsonNode item) {
        ObjectNode key = Json.object();
        keyTypes.keySet().forEach(attribute -> key.set(attribute, item.get(attribute)));
        return key;
    }

    /** {@code orderId=ord-1.json}, {@code customerId=c-1,entry=balance.json}: readable, and safe on any file system. */
    private String fileName(JsonNode keyOrItem) {
        StringBuilder name = new StringBuilder();
        keyTypes.forEach((attribute, type) -> {
            if (!name.isEmpty()) {
                name.append(',');
            }
            name.append(encode(attribute))
                    .append('=')
                    .append(encode(keyOrItem.get(attribute).get(type).asText()));
        });
        String readable = name.toString();
        return readable.length() <= 200 ? readable + ".json" : sha256(readable) + ".json";
    }

    /** Reads the item files: how a data folder from before the journal is opened. */
    void loadFiles() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .forEach(file -> {
                        try {
                            JsonNode item = Json.parse(Files.readAllBytes(file));
                            items.put(fileName(item), (ObjectNode) item);
                        } catch (IOException | RuntimeException e) {
                            throw new IllegalStateException(
                                    "Table " + name + ": cannot read item file " + file
                                            + " (fix or delete it, or start with --reset): " + e.getMessage(),
                                    e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read table folder " + folder, e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("*", "%2A");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
