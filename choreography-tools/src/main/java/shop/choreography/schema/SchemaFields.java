package shop.choreography.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a JSON Schema describes, flattened to paths ({@code customer.email}, {@code items[].sku}).
 *
 * <p>Only the keywords our event schemas use are understood: {@code type}, {@code properties}, {@code required},
 * {@code items}, {@code enum}, {@code const}. Immutable, so thread-safe.
 */
public final class SchemaFields {

    private final Map<String, SchemaField> byPath;
    private final Map<String, String> canonicalByPlainPath;

    private SchemaFields(Map<String, SchemaField> byPath) {
        this.byPath = byPath;
        this.canonicalByPlainPath = new LinkedHashMap<>();
        byPath.keySet().forEach(path -> canonicalByPlainPath.put(plain(path), path));
    }

    /** Flattens {@code schema}; the root object itself is not a field. */
    public static SchemaFields of(JsonNode schema) {
        Map<String, SchemaField> fields = new LinkedHashMap<>();
        walkObject("", schema, true, fields);
        return new SchemaFields(Collections.unmodifiableMap(fields));
    }

    /** Every field, parents before children, in schema order. */
    public List<SchemaField> all() {
        return List.copyOf(byPath.values());
    }

    /** The field at {@code path}, written either way: {@code items[].sku} or {@code items.sku}. */
    public Optional<SchemaField> field(String path) {
        return canonical(path).map(byPath::get);
    }

    /** The {@code []} form of {@code path} when the schema has that field: {@code items.sku -> items[].sku}. */
    public Optional<String> canonical(String path) {
        return Optional.ofNullable(canonicalByPlainPath.get(plain(path)));
    }

    /** {@code path} without array markers: the form EventBridge patterns use ({@code items.sku}). */
    public static String plain(String path) {
        return path.replace("[]", "");
    }

    /**
     * True when {@code path} is {@code ancestor} or lies inside it ({@code customer.email} inside {@code customer}).
     */
    public static boolean within(String path, String ancestor) {
        String p = plain(path);
        String a = plain(ancestor);
        return p.equals(a) || p.startsWith(a + ".");
    }

    /** The JSON types a schema node allows; empty when it declares none. */
    public static Set<String> typesOf(JsonNode node) {
        JsonNode type = node.get("type");
        Set<String> types = new LinkedHashSet<>();
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    /** The values a schema node allows when it lists them ({@code const} is a list of one). */
    public static Optional<List<JsonNode>> allowedValuesOf(JsonNode node) {
        if (node.has("const")) {
            return Optional.of(List.of(node.get("const")));
        }
        JsonNode values = node.get("enum");
        if (values == null || !values.isArray()) {
            return Optional.empty();
        }
        List<JsonNode> list = new ArrayList<>();
        values.forEach(list::add);
        return Optional.of(List.copyOf(list));
    }

    private static void walkObject(
            String prefix, JsonNode object, boolean guaranteed, Map<String, SchemaField> fields) {
        JsonNode properties = object.get("properties");
        if (properties == null) {
            return;
        }
        Set<String> required = new LinkedHashSet<>();
        object.path("required").forEach(name -> required.add(name.asText()));
        properties.fields().forEachRemaining(entry -> {
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            walk(path, entry.getValue(), guaranteed && required.contains(entry.getKey()), fields);
        });
    }

    private static void walk(String path, JsonNode node, boolean guaranteed, Map<String, SchemaField> fields) {
        Set<String> types = typesOf(node);
        boolean describesObject = node.has("properties");
        boolean describesElements = node.has("items") && node.get("items").isObject();
        boolean container = types.contains("object") || types.contains("array");
        fields.put(
                path,
                new SchemaField(
                        path,
                        Collections.unmodifiableSet(types),
                        guaranteed,
                        allowedValuesOf(node),
                        container && !describesObject && !describesElements));
        if (describesObject) {
            walkObject(path, node, guaranteed, fields);
        }
        if (describesElements) {
            // An element's fields are "guaranteed" when every element has them; whether there are elements is the
            // array's business.
            walkObject(path + "[]", node.get("items"), guaranteed, fields);
        }
    }
}
