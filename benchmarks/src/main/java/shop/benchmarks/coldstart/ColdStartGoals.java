package shop.benchmarks.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cold-start goals, read from a {@code results.json}: each function's cold start against its naive baseline (goal:
 * at most 50%) and checkout's against the empty JVM (goal: at most 12x). Ratios are taken round by round - the variants
 * of one round ran side by side under the same load - and the median of those ratios is reported with its p10-p90,
 * which is steadier on a shared machine than a ratio of medians.
 *
 * <pre>ColdStartGoals [benchmarks/target/cold-start/results.json]</pre>
 */
public final class ColdStartGoals {

    private ColdStartGoals() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "benchmarks/target/cold-start/results.json");
        JsonNode document = new ObjectMapper().readTree(file.toFile());
        String report = report(document);
        Files.writeString(file.resolveSibling("goals.md"), report);
        System.out.println(report);
    }

    static String report(JsonNode document) {
        Map<String, Map<String, List<Double>>> totals = new LinkedHashMap<>();
        for (JsonNode result : document.path("results")) {
            List<Double> values = new ArrayList<>();
            result.path("totals").forEach(value -> values.add(value.asDouble()));
            totals.computeIfAbsent(result.path("function").asText(), f -> new LinkedHashMap<>())
                    .put(result.path("variant").asText(), values);
        }
        List<Double> floor = totals.getOrDefault("-", Map.of()).get("empty-jvm");
        StringBuilder report =
                new StringBuilder("| function | compared | median ratio per round (p10-p90) | goal | met |\n"
                        + "|---|---|---|---|---|\n");
        totals.forEach((function, variants) -> {
            if (function.equals("-")) {
                return;
            }
            // Issue 15's goals: at most 50% of naive (40% is where we are heading), checkout within 12x the empty JVM.
            row(report, function, "ours / naive", variants.get("ours"), variants.get("naive"), 0.50, "<= 50%");
            row(
                    report,
                    function,
                    "ours / naive with java21 flags",
                    variants.get("ours"),
                    variants.get("naive+lambda-flags"),
                    0.50,
                    "<= 50%");
            row(
                    report,
                    function,
                    "ours+appcds / naive",
                    variants.get("ours+appcds"),
                    variants.get("naive"),
                    0.50,
                    "<= 50%");
            // Under the real runtime the process is ended after the first response: no exit in its total.
            row(report, function, "ours+ric / naive", variants.get("ours+ric"), variants.get("naive"), 0.50, "<= 50%");
            if (function.equals("CheckoutFunction") && floor != null) {
                row(report, function, "ours / empty JVM", variants.get("ours"), floor, 12.0, "<= 12x");
                row(report, function, "ours+appcds / empty JVM", variants.get("ours+appcds"), floor, 12.0, "<= 12x");
                row(report, function, "ours+ric / empty JVM", variants.get("ours+ric"), floor, 12.0, "<= 12x");
            }
        });
        return report.toString();
    }

    private static void row(
            StringBuilder report,
            String function,
            String compared,
            List<Double> ours,
            List<Double> baseline,
            double goal,
            String goalText) {
        if (ours == null || baseline == null) {
            return;
        }
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < Math.min(ours.size(), baseline.size()); round++) {
            ratios.add(ours.get(round) / baseline.get(round));
        }
        Stats stats = Stats.of(ratios);
        boolean percent = goal < 1;
        report.append(String.format(
                Locale.ROOT,
                "| %s | %s | %s (%s-%s) | %s | %s |%n",
                function,
                compared,
                format(stats.median(), percent),
                format(stats.p10(), percent),
                format(stats.p90(), percent),
                goalText,
                stats.median() <= goal ? "yes" : "no"));
    }

    private static String format(double ratio, boolean percent) {
        return percent ? String.format(Locale.ROOT, "%.0f%%", ratio * 100) : String.format(Locale.ROOT, "%.1fx", ratio);
    }
}
