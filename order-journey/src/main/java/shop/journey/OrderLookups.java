package shop.journey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each table keeps an order's effect, and which of its attributes journey shows. Only attributes that say what
 * happened are shown: a shipment's recipient and address, like every customer detail, never are.
 */
public final class OrderLookups {

    /**
     * One table's key for an order.
     *
     * @param key key attribute to its value, with {@code {orderId}} and {@code {customerId}} filled in per order; a
     *     partition key alone reads all its items
     * @param shown attributes printed besides the key
     */
    public record Lookup(String table, Map<String, String> key, List<String> shown) {

        /** The key for one order, or empty when it needs a customer id that is not known. */
        public Optional<Map<String, String>> keyFor(String orderId, Optional<String> customerId) {
            Map<String, String> filled = new LinkedHashMap<>();
            for (Map.Entry<String, String> part : key.entrySet()) {
                String value = part.getValue().replace("{orderId}", orderId);
                if (value.contains("{customerId}")) {
                    if (customerId.isEmpty()) {
                        return Optional.empty();
                    }
                    value = value.replace("{customerId}", customerId.get());
                }
                filled.put(part.getKey(), value);
            }
            return Optional.of(filled);
        }
    }

    /** Every table of template.yaml; a test fails when a table is added without one. */
    public static final List<Lookup> ALL = List.of(
            new Lookup("ConfirmationsTable", key("orderId", "{orderId}"), List.of("status", "sentAt")),
            new Lookup("ShipmentsTable", key("orderId", "{orderId}"), List.of("status", "recordedAt")),
            new Lookup(
                    "RewardsTable",
                    key("customerId", "{customerId}", "entry", "ORDER#{orderId}"),
                    List.of("points", "createdAt")),
            new Lookup("SalesTable", key("pk", "ORDER#{orderId}"), List.of("part", "parts", "skus", "recordedAt")));

    private OrderLookups() {}

    /** Key parts in the table's order (partition key first), as they are printed. */
    private static Map<String, String> key(String... namesAndValues) {
        Map<String, String> key = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            key.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(key);
    }

    /** The lookup of one table. */
    public static Optional<Lookup> of(String table) {
        return ALL.stream().filter(lookup -> lookup.table().equals(table)).findFirst();
    }
}
