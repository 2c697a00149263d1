package shop.journey;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes an {@link OrderStory} as the text {@code journey} prints. */
public final class StoryText {

    /** Fields of a log line that the story prints itself, or that repeat what the story already says. */
    private static final List<String> NOT_REPEATED = List.of(
            "timestamp",
            "time",
            "level",
            "function",
            "event",
            "orderId",
            "requestId",
            "AWSRequestId",
            "message",
            "type",
            "record",
            "Function");

    private StoryText() {}

    public static String of(OrderStory story, String source) {
        StringBuilder text = new StringBuilder();
        text.append("Order ")
                .append(story.orderId())
                .append("  (")
                .append(source)
                .append(")\n");
        List<OrderStory.FunctionStory> subscribers =
                story.functions().stream().filter(f -> f.rule().isPresent()).toList();
        if (!subscribers.isEmpty()) {
            text.append("\nRules\n");
            int width = subscribers.stream()
                    .mapToInt(f -> f.rule().orElseThrow().length())
                    .max()
                    .orElse(0);
            for (OrderStory.FunctionStory function : subscribers) {
                text.append(String.format(
                        "  %-" + width + "s -> %-18s %s%n",
                        function.rule().orElseThrow(),
                        function.function(),
                        verdict(function)));
            }
        }
        for (OrderStory.FunctionStory function : story.functions()) {
            if (!function.reached()
                    && function.written().stream().allMatch(w -> w.items().isEmpty())) {
                continue;
            }
            text.append('\n').append(function.function());
            function.rule()
                    .ifPresent(rule -> text.append("  (rule ").append(rule).append(')'));
            text.append('\n');
            int n = 1;
            for (OrderStory.Attempt attempt : function.attempts()) {
                text.append(String.format(
                        "  attempt %d  %s  request %s  %s%s%n",
                        n++,
                        time(attempt),
                        attempt.requestId(),
                        attempt.status(),
                        attempt.durationMs()
                                .map(ms -> String.format("  %.0f ms", ms))
                                .orElse("")));
            }
            for (LogEntry line : function.lines()) {
                text.append("    ").append(label(line)).append(details(line)).append('\n');
            }
            for (OrderStory.Written written : function.written()) {
                if (written.notRead().isPresent()) {
                    text.append("  ")
                            .append(written.table())
                            .append(": not read, ")
                            .append(written.notRead().get())
                            .append('\n');
                } else if (written.items().isEmpty()) {
                    text.append("  ").append(written.table()).append(": nothing for this order\n");
                }
                for (Map<String, String> item : written.items()) {
                    text.append("  wrote ")
                            .append(written.table())
                            .append(' ')
                            .append(pairs(item))
                            .append('\n');
                }
            }
            if (function.rule().isPresent() && function.deadLetters().isEmpty()) {
                text.append("  dead letters: none\n");
            }
            for (ParkedEvent letter : function.deadLetters()) {
                text.append("  dead letter (")
                        .append(letter.writer())
                        .append(") event ")
                        .append(letter.eventId())
                        .append(": ")
                        .append(letter.reason())
                        .append('\n');
            }
        }
        return text.toString();
    }

    private static String label(LogEntry line) {
        if (line.fields().has("_aws")) {
            return "metrics"; // an embedded-metric-format object: its values are the metrics it writes
        }
        return (line.text("level").isEmpty() ? "-" : line.text("level")) + " "
                + (line.text("event").isEmpty() ? line.text("message") : line.text("event"));
    }

    private static String verdict(OrderStory.FunctionStory function) {
        if (!function.deadLetters().isEmpty()) {
            return "delivered, dead-lettered";
        }
        if (function.reached()) {
            return "delivered";
        }
        return "no delivery seen (the pattern did not match this order, or it has not arrived yet)";
    }

    private static String time(OrderStory.Attempt attempt) {
        return DateTimeFormatter.ISO_INSTANT.format(attempt.time().truncatedTo(ChronoUnit.MILLIS));
    }

    private static String details(LogEntry line) {
        StringBuilder details = new StringBuilder();
        line.fields().fields().forEachRemaining(field -> {
            if (!NOT_REPEATED.contains(field.getKey()) && field.getValue().isValueNode()) {
                details.append(' ')
                        .append(field.getKey())
                        .append('=')
                        .append(field.getValue().asText());
            }
        });
        return details.toString();
    }

    private static String pairs(Map<String, String> item) {
        return item.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
