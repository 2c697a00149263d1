package shop.benchmarks.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.benchmarks.coldstart.Variant;
import shop.events.EventJson;
import shop.events.OrderCreatedEvent;
import shop.events.SchemaCheck;
import shop.template.SamTemplate;

/**
 * What the JSON Schema validator (networknt) costs a cold function, in fresh JVMs with Lambda's java21 flags: classes
 * loaded and milliseconds to build the producer schema check (Init) and for its first and second check of a sample
 * OrderCreated (the first invocation). Jackson reads the sample first, so its own classes are not charged to the
 * validator. Prints one line per round and the medians.
 *
 * <pre>ValidatorCost [--rounds 10] [--java path/to/bin/java]</pre>
 */
public final class ValidatorCost {

    private static final Pattern LINE =
            Pattern.compile("schema build=(\\d+)/([\\d.]+) first=(\\d+)/([\\d.]+) second=(\\d+)/([\\d.]+)");

    private ValidatorCost() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--child")) {
            measure(Path.of(args[1]));
            return;
        }
        int rounds = 10;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--java" -> java = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (--rounds, --java)");
            }
        }
        Path root = SamTemplate.locate(Path.of("")).getParent();
        Path sample = root.resolve("events/eventbridge/order-created-rewards-signup.json");
        List<double[]> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(Variant.LAMBDA_DEFAULT_FLAGS);
            command.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    ValidatorCost.class.getName(),
                    "--child",
                    sample.toString()));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher line = LINE.matcher(output.strip());
            if (process.waitFor() != 0 || !line.find()) {
                throw new IllegalStateException("The measuring JVM failed:\n" + output);
            }
            double[] values = new double[6];
            for (int group = 0; group < 6; group++) {
                values[group] = Double.parseDouble(line.group(group + 1));
            }
            results.add(values);
            System.out.println(output.strip() + "  load "
                    + Files.readString(Path.of("/proc/loadavg")).trim());
        }
        String[] names = {
            "build classes",
            "build ms",
            "first check classes",
            "first check ms",
            "second check classes",
            "second check ms"
        };
        StringBuilder summary = new StringBuilder("medians over " + rounds + " JVMs (" + java + "):");
        for (int column = 0; column < names.length; column++) {
            int index = column;
            double median = results.stream()
                    .mapToDouble(values -> values[index])
                    .sorted()
                    .skip(rounds / 2)
                    .findFirst()
                    .orElse(Double.NaN);
            summary.append(String.format(Locale.ROOT, " %s=%.1f", names[column], median));
        }
        System.out.println(summary);
    }

    private static void measure(Path sample) throws IOException {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        JsonNode detail = EventJson.mapper().readTree(sample.toFile()).get("detail");
        long c0 = classes.getTotalLoadedClassCount();
        long t0 = System.nanoTime();
        SchemaCheck check = SchemaCheck.producer(OrderCreatedEvent.CURRENT_VERSION);
        long c1 = classes.getTotalLoadedClassCount();
        long t1 = System.nanoTime();
        List<String> first = check.violations(detail);
        long c2 = classes.getTotalLoadedClassCount();
        long t2 = System.nanoTime();
        List<String> second = check.violations(detail);
        long c3 = classes.getTotalLoadedClassCount();
        long t3 = System.nanoTime();
        if (!first.isEmpty() || !second.isEmpty()) {
            throw new IllegalStateException("The sample " + sample + " violates the schema: " + first);
        }
        System.out.printf(
                Locale.ROOT,
                "schema build=%d/%.1f first=%d/%.1f second=%d/%.1f%n",
                c1 - c0,
                (t1 - t0) / 1e6,
                c2 - c1,
                (t2 - t1) / 1e6,
                c3 - c2,
                (t3 - t2) / 1e6);
    }
}
