package shop.benchmarks.warm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;
import shop.template.SamTemplate;

/**
 * Runs {@link HandlerBenchmark} (SampleTime) and writes p50 and p99 per handler to {@code warm.json} and
 * {@code warm.md}, which the cost model reads.
 *
 * <pre>WarmCost [--out benchmarks/target/warm]</pre>
 */
public final class WarmCost {

    private WarmCost() {}

    public static void main(String[] args) throws RunnerException, IOException {
        Path root = SamTemplate.locate(Path.of("")).getParent();
        Path out =
                args.length == 2 && args[0].equals("--out") ? Path.of(args[1]) : root.resolve("benchmarks/target/warm");
        Files.createDirectories(out);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include(HandlerBenchmark.class.getName())
                        .build())
                .run();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode document = json.createObjectNode()
                .put("measuredAt", Instant.now().toString())
                .put("java", System.getProperty("java.vm.version"));
        ObjectNode handlers = document.putObject("handlers");
        StringBuilder table =
                new StringBuilder("| handler | p50 µs | p99 µs | mean µs | samples |\n|---|---|---|---|---|\n");
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceFirst(".*\\.", "");
            Statistics stats = result.getPrimaryResult().getStatistics();
            handlers.putObject(name)
                    .put("p50Micros", stats.getPercentile(50))
                    .put("p99Micros", stats.getPercentile(99))
                    .put("meanMicros", stats.getMean())
                    .put("samples", stats.getN());
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.0f | %.0f | %d |%n",
                    name,
                    stats.getPercentile(50),
                    stats.getPercentile(99),
                    stats.getMean(),
                    stats.getN()));
        }
        json.writeValue(out.resolve("warm.json").toFile(), document);
        Files.writeString(out.resolve("warm.md"), table);
        System.out.println(table);
    }
}
