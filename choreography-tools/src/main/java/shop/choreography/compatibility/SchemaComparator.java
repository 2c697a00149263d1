package shop.choreography.compatibility;

import static shop.choreography.schema.SchemaFields.allowedValuesOf;
import static shop.choreography.schema.SchemaFields.typesOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A structural diff of two JSON Schemas of the same event that lists the changes a new minor version must not make.
 *
 * <p>Deliberately small, and written here because no library judges JSON Schema compatibility well: it understands the
 * keywords our event schemas use ({@code type}, {@code properties}, {@code required}, {@code items}, {@code enum},
 * {@code const}, {@code additionalProperties} and the length, size, range, {@code pattern} and {@code format}
 * constraints) and reports any composition or reference keyword ({@code $ref}, {@code oneOf}, ...) as a change it
 * cannot judge, so that an unknown construct fails the build instead of passing unseen. A changed {@code pattern} or
 * {@code format} counts as tightened: deciding whether one regular expression contains another is out of scope.
 *
 * <p>Allowed in a minor: adding optional fields, adding enum values, loosening or dropping constraints, editing titles
 * and descriptions. Stateless and thread-safe.
 */
public final class SchemaComparator {

    /** The root field naming the version: its {@code const} moves with every version by design. */
    static final String VERSION_FIELD = "schemaVersion";

    private static final String ROOT = "(root)";
    private static final List<String> UNSUPPORTED = List.of(
            "$ref",
            "$dynamicRef",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "then",
            "else",
            "patternProperties",
            "dependentRequired",
            "dependentSchemas",
            "prefixItems",
            "unevaluatedProperties",
            "unevaluatedItems",
            "contains",
            "propertyNames",
            "$defs",
            "definitions");
    private static final List<String> LOWER_BOUNDS =
            List.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
    private static final List<String> UPPER_BOUNDS =
            List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
    private static final List<String> EXACT = List.of("pattern", "format", "multipleOf");
    private static final JsonNode ANYTHING = JsonNodeFactory.instance.objectNode();

    private SchemaComparator() {}

    /**
     * Every change from {@code before} to {@code after} that breaks consumers or older events; empty when compatible.
     */
    public static List<BreakingChange> compare(JsonNode before, JsonNode after) {
        List<BreakingChange> changes = new ArrayList<>();
        compareNode(ROOT, before, after, changes);
        return List.copyOf(changes);
    }

    private static void compareNode(String path, JsonNode before, JsonNode after, List<BreakingChange> changes) {
        for (String keyword : UNSUPPORTED) {
            if (before.has(keyword) || after.has(keyword)) {
                changes.add(new BreakingChange(
                        ChangeKind.UNSUPPORTED_KEYWORD,
                        path,
                        "'" + keyword
                                + "' is used; review this change by hand and teach SchemaComparator the keyword"));
            }
        }
        compareTypes(path, before, after, changes);
        if (!path.equals(VERSION_FIELD)) {
            compareAllowedValues(path, before, after, changes);
        }
        compareConstraints(path, before, after, changes);
        compareProperties(path, before, after, changes);
        if (before.has("items") || after.has("items")) {
            compareNode(
                    child(path, "[]"),
                    before.path("items").isObject() ? before.get("items") : ANYTHING,
                    after.path("items").isObject() ? after.get("items") : ANYTHING,
                    changes);
        }
    }

    private static void compareTypes(String path, JsonNode before, JsonNode after, List<BreakingChange> changes) {
        Set<String> was = typesOf(before);
        Set<String> now = typesOf(after);
        if (!was.equals(now)) {
            changes.add(new BreakingChange(
                    ChangeKind.TYPE_CHANGED, path, "was " + typeText(was) + ", now " + typeText(now)));
        }
    }

    private static void compareAllowedValues(
            String path, JsonNode before, JsonNode after, List<BreakingChange> changes) {
        Optional<List<JsonNode>> was = allowedValuesOf(before);
        Optional<List<JsonNode>> now = allowedValuesOf(after);
        if (now.isEmpty()) {
            return;
        }
        if (was.isEmpty()) {
            changes.add(
                    new BreakingChange(ChangeKind.ENUM_NARROWED, path, "any value was allowed, now only " + now.get()));
            return;
        }
        List<JsonNode> dropped =
                was.get().stream().filter(value -> !now.get().contains(value)).toList();
        if (!dropped.isEmpty()) {
            changes.add(new BreakingChange(ChangeKind.ENUM_NARROWED, path, "no longer allows " + dropped));
        }
    }

    private static void compareConstraints(String path, JsonNode before, JsonNode after, List<BreakingChange> changes) {
        for (String keyword : LOWER_BOUNDS) {
            if (after.has(keyword)
                    && (!before.has(keyword)
                            || after.get(keyword)
                                            .decimalValue()
                                            .compareTo(before.get(keyword).decimalValue())
                                    > 0)) {
                changes.add(tightened(path, keyword, before, after));
            }
        }
        for (String keyword : UPPER_BOUNDS) {
            if (after.has(keyword)
                    && (!before.has(keyword)
                            || after.get(keyword)
                                            .decimalValue()
                                            .compareTo(before.get(keyword).decimalValue())
                                    < 0)) {
                changes.add(tightened(path, keyword, before, after));
            }
        }
        for (String keyword : EXACT) {
            if (after.has(keyword) && !after.get(keyword).equals(before.get(keyword))) {
                changes.add(tightened(path, keyword, before, after));
            }
        }
        if (after.path("uniqueItems").asBoolean(false)
                && !before.path("uniqueItems").asBoolean(false)) {
            changes.add(tightened(path, "uniqueItems", before, after));
        }
        if (isFalse(after.get("additionalProperties")) && !isFalse(before.get("additionalProperties"))) {
            changes.add(tightened(path, "additionalProperties", before, after));
        }
    }

    private static void compareProperties(String path, JsonNode before, JsonNode after, List<BreakingChange> changes) {
        JsonNode was = before.path("properties");
        JsonNode now = after.path("properties");
        Set<String> requiredBefore = names(before.path("required"));
        Set<String> requiredAfter = names(after.path("required"));
        Set<String> removed = new LinkedHashSet<>(names(was));
        removed.removeAll(names(now));
        Set<String> added = new LinkedHashSet<>(names(now));
        added.removeAll(names(was));

        for (String name : removed) {
            // A removal next to an addition of the same type is most likely a rename; say so, it is the better hint.
            Optional<String> renamedTo = added.stream()
                    .filter(candidate -> typesOf(now.get(candidate)).equals(typesOf(was.get(name))))
                    .findFirst();
            if (renamedTo.isPresent()) {
                added.remove(renamedTo.get());
                changes.add(new BreakingChange(
                        ChangeKind.FIELD_RENAMED,
                        child(path, name),
                        "'" + name + "' is gone and '" + renamedTo.get() + "' of the same type appeared; readers of '"
                                + name + "' would find nothing"));
            } else if (requiredBefore.contains(name)) {
                changes.add(new BreakingChange(
                        ChangeKind.REQUIRED_FIELD_REMOVED, child(path, name), "consumers rely on it being present"));
            } else {
                changes.add(new BreakingChange(
                        ChangeKind.OPTIONAL_FIELD_REMOVED,
                        child(path, name),
                        "consumers may read it, and events of the older minor still carry it"));
            }
        }
        for (String name : added) {
            if (requiredAfter.contains(name)) {
                changes.add(new BreakingChange(
                        ChangeKind.REQUIRED_FIELD_ADDED,
                        child(path, name),
                        "events of the older minor lack it; add it as optional"));
            }
        }
        for (Iterator<String> it = now.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!was.has(name)) {
                continue;
            }
            if (requiredAfter.contains(name) && !requiredBefore.contains(name)) {
                changes.add(new BreakingChange(
                        ChangeKind.FIELD_MADE_REQUIRED, child(path, name), "events of the older minor may lack it"));
            }
            if (requiredBefore.contains(name) && !requiredAfter.contains(name)) {
                changes.add(new BreakingChange(
                        ChangeKind.FIELD_MADE_OPTIONAL, child(path, name), "consumers rely on it being present"));
            }
            compareNode(child(path, name), was.get(name), now.get(name), changes);
        }
    }

    private static BreakingChange tightened(String path, String keyword, JsonNode before, JsonNode after) {
        JsonNode was = before.get(keyword);
        return new BreakingChange(
                ChangeKind.CONSTRAINT_TIGHTENED,
                path,
                keyword + " was " + (was == null ? "not set" : was.toString()) + ", now " + after.get(keyword));
    }

    private static String child(String path, String name) {
        if (name.equals("[]")) {
            return path + "[]";
        }
        return path.equals(ROOT) ? name : path + "." + name;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node.isArray()) {
            node.forEach(name -> names.add(name.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static boolean isFalse(JsonNode node) {
        return node != null && node.isBoolean() && !node.asBoolean();
    }

    private static String typeText(Set<String> types) {
        return types.isEmpty() ? "any type" : String.join("|", types);
    }
}
