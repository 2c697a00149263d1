package shop.local.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.local.json.Json;

/**
 * The bus's records in the journal: an event accepted with the deliveries it owes, and each delivery's progress (a
 * failed attempt, success, dead letter). Reading them back gives the deliveries that had neither succeeded nor been
 * dead-lettered when the runtime stopped, which it resumes: at least once, as EventBridge delivers.
 */
public final class BusRecords {

    static final String ACCEPTED = "event-accepted";
    static final String DELIVERY = "delivery";

    private BusRecords() {}

    /** A delivery still owed after a restart, with the attempts it already failed. */
    public record Owed(String rule, String function, int failedAttempts) {}

    /** An accepted event with deliveries still owed. */
    public record PendingEvent(
            String id, JsonNode envelope, Instant acceptedAt, Optional<String> redriveOf, List<Owed> owed) {

        /** The rules and functions still owed the event, as the ledger lists an event's targets. */
        List<Ledger.Target> targets() {
            return owed.stream()
                    .map(owed -> new Ledger.Target(owed.rule(), owed.function()))
                    .toList();
        }
    }

    static ObjectNode accepted(
            String id, JsonNode envelope, Instant at, Optional<String> redriveOf, List<Ledger.Target> targets) {
        ObjectNode record = Json.object().put("type", ACCEPTED).put("id", id).put("acceptedAt", at.toString());
        redriveOf.ifPresent(original -> record.put("redriveOf", original));
        record.set("envelope", envelope);
        ArrayNode list = record.putArray("targets");
        targets.forEach(target -> list.addObject().put("rule", target.rule()).put("function", target.function()));
        return record;
    }

    static ObjectNode failedAttempt(String eventId, String rule, int attempt) {
        return delivery(eventId, rule, "FAILED_ATTEMPT").put("attempt", attempt);
    }

    static ObjectNode succeeded(String eventId, String rule) {
        return delivery(eventId, rule, Ledger.Outcome.SUCCEEDED.name());
    }

    static ObjectNode deadLettered(String eventId, String rule, Path file) {
        return delivery(eventId, rule, Ledger.Outcome.DEAD_LETTERED.name()).put("deadLetter", file.toString());
    }

    private static ObjectNode delivery(String eventId, String rule, String outcome) {
        return Json.object()
                .put("type", DELIVERY)
                .put("event", eventId)
                .put("rule", rule)
                .put("outcome", outcome);
    }

    /** The events of {@code records} (a journal, oldest first) with deliveries neither succeeded nor dead-lettered. */
    public static List<PendingEvent> pending(List<JsonNode> records) {
        Map<String, JsonNode> accepted = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> failed = new LinkedHashMap<>();
        Map<String, List<String>> settled = new LinkedHashMap<>();
        for (JsonNode record : records) {
            String type = record.path("type").asText();
            if (ACCEPTED.equals(type)) {
                accepted.put(record.path("id").asText(), record);
            } else if (DELIVERY.equals(type)) {
                String event = record.path("event").asText();
                String rule = record.path("rule").asText();
                if ("FAILED_ATTEMPT".equals(record.path("outcome").asText())) {
                    failed.computeIfAbsent(event, e -> new LinkedHashMap<>()).merge(rule, 1, Integer::sum);
                } else {
                    settled.computeIfAbsent(event, e -> new ArrayList<>()).add(rule);
                }
            }
        }
        List<PendingEvent> pending = new ArrayList<>();
        accepted.forEach((id, record) -> {
            List<Owed> owed = new ArrayList<>();
            for (JsonNode target : record.path("targets")) {
                String rule = target.path("rule").asText();
                if (!settled.getOrDefault(id, List.of()).contains(rule)) {
                    int earlier = target.path("failedAttempts").asInt(0);
                    owed.add(new Owed(
                            rule,
                            target.path("function").asText(),
                            earlier + failed.getOrDefault(id, Map.of()).getOrDefault(rule, 0)));
                }
            }
            if (!owed.isEmpty()) {
                Optional<String> redriveOf = record.hasNonNull("redriveOf")
                        ? Optional.of(record.get("redriveOf").asText())
                        : Optional.empty();
                pending.add(new PendingEvent(
                        id,
                        record.get("envelope"),
                        Instant.parse(record.path("acceptedAt").asText()),
                        redriveOf,
                        List.copyOf(owed)));
            }
        });
        return pending;
    }

    /** {@code pending} as the records a compacted journal starts with. */
    public static List<JsonNode> compacted(List<PendingEvent> pending) {
        List<JsonNode> records = new ArrayList<>();
        for (PendingEvent event : pending) {
            ObjectNode record =
                    accepted(event.id(), event.envelope(), event.acceptedAt(), event.redriveOf(), event.targets());
            for (int i = 0; i < event.owed().size(); i++) {
                ObjectNode target = (ObjectNode) record.path("targets").get(i);
                target.put("failedAttempts", event.owed().get(i).failedAttempts());
            }
            records.add(record);
        }
        return records;
    }
}
