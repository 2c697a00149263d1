package shop.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Logs, tables and dead-letter queues held in memory, answering as the real readers do. */
final class FakeSources implements Sources.Logs, Sources.Tables, Sources.DeadLetters {

    private record Line(LogEntry entry, String raw) {}

    private record Item(String table, JsonNode item) {}

    private record Parked(String queue, ParkedEvent letter) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Line> lines = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();
    private final List<Parked> parked = new ArrayList<>();
    final List<String> tablesRead = new ArrayList<>();

    /** A line as CloudWatch keeps it: the request id is the line's own field. */
    FakeSources line(String function, String time, String json) {
        lines.add(new Line(LogEntry.parse(function, Instant.parse(time), Optional.empty(), json), json));
        return this;
    }

    /** Lambda's report of one attempt. */
    FakeSources report(String function, String time, String requestId, double durationMs, String status) {
        String json = JSON.createObjectNode()
                .put("time", time)
                .put("type", "platform.report")
                .set(
                        "record",
                        JSON.createObjectNode()
                                .put("requestId", requestId)
                                .put("status", status)
                                .set("metrics", JSON.createObjectNode().put("durationMs", durationMs)))
                .toString();
        return line(function, time, json);
    }

    /** An item, its attributes given as plain values: a string is {@code S}, a number {@code N}, a map {@code M}. */
    FakeSources item(String table, Map<String, Object> attributes) {
        ObjectNode item = JSON.createObjectNode();
        attributes.forEach((name, value) -> {
            ObjectNode typed = item.putObject(name);
            if (value instanceof Number number) {
                typed.put("N", number.toString());
            } else if (value instanceof Map<?, ?>) {
                typed.putObject("M");
            } else {
                typed.put("S", String.valueOf(value));
            }
        });
        items.add(new Item(table, item));
        return this;
    }

    FakeSources deadLetter(String queue, ParkedEvent letter) {
        parked.add(new Parked(queue, letter));
        return this;
    }

    @Override
    public List<LogEntry> mentioning(String function, String text) {
        return lines.stream()
                .filter(line ->
                        line.entry().function().equals(function) && line.raw().contains(text))
                .map(Line::entry)
                .toList();
    }

    @Override
    public List<JsonNode> items(String table, Map<String, String> key) {
        tablesRead.add(table + " " + key);
        return items.stream()
                .filter(item -> item.table().equals(table))
                .map(Item::item)
                .filter(item -> key.entrySet().stream()
                        .allMatch(part ->
                                item.path(part.getKey()).path("S").asText().equals(part.getValue())))
                .toList();
    }

    @Override
    public List<ParkedEvent> in(String queue, String function) {
        return parked.stream()
                .filter(p -> p.queue().equals(queue))
                .map(Parked::letter)
                .toList();
    }
}
