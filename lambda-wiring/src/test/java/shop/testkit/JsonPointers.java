package shop.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The places in a JSON tree, for tests that change one of them at random (the property tests' mutations). */
public final class JsonPointers {

    private JsonPointers() {}

    /**
     * JSON Pointers of every node below {@code root}, depth first; members whose names need escaping in a pointer
     * ({@code /} or {@code ~}) are left out.
     */
    public static List<String> below(JsonNode root) {
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String at, List<String> paths) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                if (!name.contains("/") && !name.contains("~")) {
                    paths.add(at + "/" + name);
                    collect(node.get(name), at + "/" + name, paths);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(at + "/" + i);
                collect(node.get(i), at + "/" + i, paths);
            }
        }
    }
}
