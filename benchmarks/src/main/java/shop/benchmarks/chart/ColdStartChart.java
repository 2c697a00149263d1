package shop.benchmarks.chart;

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
 * Draws {@code docs/cold-start.svg} from a cold-start {@code results.json}: per function, one bar per variant at the
 * median whole-process time with a p10-p90 whisker, and the empty-JVM floor as a dashed line. For the primed variant
 * the bar is the first invocation after priming only, since on Lambda priming happens before the snapshot.
 *
 * <pre>ColdStartChart results.json docs/cold-start.svg</pre>
 */
public final class ColdStartChart {

    /** Variant key, legend text and colour, in drawing order. */
    record Series(String variant, String part, String legend, String colour) {}

    static final List<Series> SERIES = List.of(
            new Series("naive", "total", "naive baseline, no JVM flags", "#b2182b"),
            new Series("naive+lambda-flags", "total", "naive with java21's default flags", "#ef8a62"),
            new Series("ours", "total", "ours with java21's default flags", "#2166ac"),
            new Series("ours+appcds", "total", "ours + AppCDS archive (not shipped)", "#67a9cf"),
            new Series(
                    "ours+primed",
                    "invoke",
                    "ours, first invoke after SnapStart priming (restore excluded)",
                    "#1a9850"));

    private static final int LEFT = 150;
    private static final int RIGHT = 30;
    private static final int WIDTH = 900;
    private static final int BAR = 14;
    private static final int GAP = 3;
    private static final int GROUP_GAP = 18;
    private static final int TOP = 60;

    private ColdStartChart() {}

    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Files.writeString(Path.of(args[1]), svg(results));
        System.out.println("Wrote " + args[1]);
    }

    static String svg(JsonNode document) {
        Map<String, Map<String, JsonNode>> byFunction = new LinkedHashMap<>();
        JsonNode floor = null;
        for (JsonNode result : document.path("results")) {
            if (result.path("variant").asText().equals("empty-jvm")) {
                floor = result;
            } else {
                byFunction
                        .computeIfAbsent(result.path("function").asText(), f -> new LinkedHashMap<>())
                        .put(result.path("variant").asText(), result);
            }
        }
        double max = 0;
        for (Map<String, JsonNode> variants : byFunction.values()) {
            for (Series series : SERIES) {
                JsonNode result = variants.get(series.variant());
                if (result != null) {
                    max = Math.max(max, result.path(series.part()).path("p90").asDouble());
                }
            }
        }
        double scaleMax = Math.ceil(max / 500.0) * 500.0;
        double plotWidth = WIDTH - LEFT - RIGHT;
        int groupHeight = SERIES.size() * (BAR + GAP) + GROUP_GAP;
        int plotHeight = byFunction.size() * groupHeight;
        int height = TOP + plotHeight + 40 + SERIES.size() * 18 + 20;
        List<String> parts = new ArrayList<>();
        parts.add(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">",
                WIDTH,
                height,
                WIDTH,
                height));
        parts.add("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        parts.add(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Cold start per"
                        + " function: fresh JVM to first invocation done (median, p10-p90)</text>",
                LEFT - 130));
        parts.add(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"40\" fill=\"#555\">%s; %d rounds, interleaved; load after:" + " %s</text>",
                LEFT - 130,
                escape(document.path("java").asText()),
                document.path("rounds").asInt(),
                escape(document.path("loadAverageAfter").asText())));
        for (int tick = 0; tick <= scaleMax; tick += scaleMax > 3000 ? 1000 : 500) {
            double x = LEFT + tick / scaleMax * plotWidth;
            parts.add(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>",
                    x,
                    TOP,
                    x,
                    TOP + plotHeight));
            parts.add(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%d ms</text>",
                    x,
                    TOP + plotHeight + 16,
                    tick));
        }
        int y = TOP;
        for (Map.Entry<String, Map<String, JsonNode>> function : byFunction.entrySet()) {
            parts.add(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-weight=\"bold\">%s</text>",
                    LEFT - 8,
                    y + groupHeight / 2 - GROUP_GAP / 2,
                    escape(function.getKey())));
            for (Series series : SERIES) {
                JsonNode result = function.getValue().get(series.variant());
                if (result != null) {
                    JsonNode stats = result.path(series.part());
                    double width = stats.path("median").asDouble() / scaleMax * plotWidth;
                    double low = LEFT + stats.path("p10").asDouble() / scaleMax * plotWidth;
                    double high = LEFT + stats.path("p90").asDouble() / scaleMax * plotWidth;
                    double middle = y + BAR / 2.0;
                    parts.add(String.format(
                            Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                            LEFT,
                            y,
                            width,
                            BAR,
                            series.colour()));
                    parts.add(String.format(
                            Locale.ROOT,
                            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" " + "stroke=\"#222\"/>",
                            low,
                            middle,
                            high,
                            middle));
                    parts.add(String.format(
                            Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%d\" fill=\"#222\">%.0f</text>",
                            Math.max(LEFT + width, high) + 4,
                            y + BAR - 3,
                            stats.path("median").asDouble()));
                }
                y += BAR + GAP;
            }
            y += GROUP_GAP;
        }
        if (floor != null) {
            double median = floor.path("total").path("median").asDouble();
            double x = LEFT + median / scaleMax * plotWidth;
            parts.add(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" " + "stroke-dasharray=\"4 3\"/>",
                    x,
                    TOP - 6,
                    x,
                    TOP + plotHeight));
            parts.add(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" fill=\"#000\">empty JVM %.0f ms</text>",
                    x + 3,
                    TOP - 8,
                    median));
        }
        int legendY = TOP + plotHeight + 38;
        for (Series series : SERIES) {
            parts.add(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                    LEFT,
                    legendY - 10,
                    series.colour()));
            parts.add(String.format(
                    Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", LEFT + 18, legendY, escape(series.legend())));
            legendY += 18;
        }
        parts.add("</svg>");
        return String.join("\n", parts) + "\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
