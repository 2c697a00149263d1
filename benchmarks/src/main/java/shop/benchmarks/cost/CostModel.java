package shop.benchmarks.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import shop.template.SamTemplate;

/**
 * AWS cost per million orders, by service, from the measured warm durations ({@code warm.json} of
 * {@link shop.benchmarks.warm.WarmCost}) and the memory sizes in {@code template.yaml}. Every price and every modelling
 * assumption is a named constant below and is printed with the result: they are list prices for us-east-1 as known on
 * {@link #PRICES_AS_OF} and must be checked against the AWS pricing pages before anyone relies on the figures.
 *
 * <pre>CostModel [--warm benchmarks/target/warm/warm.json] [--out benchmarks/target/cost]</pre>
 */
public final class CostModel {

    static final String PRICES_AS_OF = "2026-11-26";

    // --- Prices, us-east-1, USD (assumptions: check before use) ---
    /** Lambda requests, per million. */
    static final double LAMBDA_PER_MILLION_REQUESTS = 0.20;
    /** Lambda duration, x86_64, per GB-second (first pricing tier). */
    static final double LAMBDA_PER_GB_SECOND = 0.0000166667;
    /** EventBridge custom events put on a bus, per million (each 64 KB chunk of an entry counts as one). */
    static final double EVENTBRIDGE_PER_MILLION_EVENTS = 1.00;
    /** API Gateway HTTP API requests, per million (first 300 million a month, 512 KB chunks). */
    static final double HTTP_API_PER_MILLION_REQUESTS = 1.00;
    /** DynamoDB on-demand write request units, per million (standard table class). */
    static final double DYNAMODB_PER_MILLION_WRU = 0.625;
    /** SES outbound email, per thousand messages (no dedicated IPs, no attachments). */
    static final double SES_PER_THOUSAND_EMAILS = 0.10;
    /** CloudWatch Logs ingestion (standard class), per GB. */
    static final double LOGS_PER_GB_INGESTED = 0.50;

    // --- Modelling assumptions ---
    /**
     * Lambda gives one full vCPU at 1,769 MB and CPU in proportion below it; handler CPU time stretches by its inverse.
     */
    static final double FULL_VCPU_MB = 1769;
    /** Round trips to AWS services, per call, added to CPU time (in-region, warm connection). */
    static final double EVENTBRIDGE_PUT_MS = 15;

    static final double DYNAMODB_WRITE_MS = 6;
    static final double DYNAMODB_TRANSACTION_MS = 12;
    static final double SES_SEND_MS = 40;
    /** Share of orders whose customer joins the rewards programme (only those reach RewardsFunction). */
    static final double REWARDS_SIGNUP_SHARE = 0.30;
    /** Log bytes per invocation: our one JSON line plus Lambda's START, END and REPORT lines in JSON format. */
    static final double LOG_BYTES_PER_INVOCATION = 250 + 3 * 300;

    private CostModel() {}

    /** One function's share: invocations per order, handler CPU (µs, measured p50), AWS calls and their wait. */
    record FunctionCost(
            String logicalId,
            String measuredAs,
            double invocationsPerOrder,
            double cpuMicros,
            double waitMillis,
            int memoryMb) {

        double billedMillis() {
            double cpuMillis = cpuMicros / 1000.0 * Math.max(1.0, FULL_VCPU_MB / memoryMb);
            return Math.ceil(cpuMillis + waitMillis);
        }

        double gbSecondsPerOrder() {
            return invocationsPerOrder * billedMillis() / 1000.0 * memoryMb / 1024.0;
        }
    }

    /** A line of the bill per million orders. */
    record Line(String service, String what, double usdPerMillionOrders) {}

    public static void main(String[] args) throws IOException {
        Path root = SamTemplate.locate(Path.of("")).getParent();
        Path warmFile = root.resolve("benchmarks/target/warm/warm.json");
        Path out = root.resolve("benchmarks/target/cost");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--warm" -> warmFile = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        JsonNode warm = new ObjectMapper().readTree(warmFile.toFile()).path("handlers");
        SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));
        List<FunctionCost> functions = functions(warm, template);
        String report = report(functions, bill(functions));
        Files.createDirectories(out);
        Files.writeString(out.resolve("cost.md"), report);
        System.out.println(report);
    }

    static List<FunctionCost> functions(JsonNode warm, SamTemplate template) {
        return List.of(
                new FunctionCost(
                        "CheckoutFunction",
                        "checkout",
                        1,
                        p50(warm, "checkout"),
                        EVENTBRIDGE_PUT_MS,
                        template.function("CheckoutFunction").memorySize()),
                new FunctionCost(
                        "EmailFunction",
                        "email",
                        1,
                        p50(warm, "email"),
                        2 * DYNAMODB_WRITE_MS + SES_SEND_MS,
                        template.function("EmailFunction").memorySize()),
                new FunctionCost(
                        "WarehouseFunction",
                        "warehouse",
                        1,
                        p50(warm, "warehouse"),
                        DYNAMODB_WRITE_MS,
                        template.function("WarehouseFunction").memorySize()),
                new FunctionCost(
                        "RewardsFunction",
                        "rewards",
                        REWARDS_SIGNUP_SHARE,
                        p50(warm, "rewards"),
                        DYNAMODB_TRANSACTION_MS,
                        template.function("RewardsFunction").memorySize()),
                // Not benchmarked: one transaction per event like rewards, so rewards' CPU time stands in for it.
                new FunctionCost(
                        "AnalyticsFunction",
                        "rewards (proxy)",
                        1,
                        p50(warm, "rewards"),
                        DYNAMODB_TRANSACTION_MS,
                        template.function("AnalyticsFunction").memorySize()));
    }

    static List<Line> bill(List<FunctionCost> functions) {
        List<Line> lines = new ArrayList<>();
        double invocations = functions.stream()
                .mapToDouble(FunctionCost::invocationsPerOrder)
                .sum();
        lines.add(new Line(
                "Lambda",
                String.format(Locale.ROOT, "%.2f requests per order", invocations),
                invocations * LAMBDA_PER_MILLION_REQUESTS));
        for (FunctionCost function : functions) {
            lines.add(new Line(
                    "Lambda",
                    String.format(
                            Locale.ROOT,
                            "%s: %.0f ms billed x %d MB x %.2f per order",
                            function.logicalId(),
                            function.billedMillis(),
                            function.memoryMb(),
                            function.invocationsPerOrder()),
                    function.gbSecondsPerOrder() * 1e6 * LAMBDA_PER_GB_SECOND));
        }
        lines.add(new Line(
                "EventBridge",
                "1 custom event (under 64 KB) per order; rule deliveries to Lambda are free",
                EVENTBRIDGE_PER_MILLION_EVENTS));
        lines.add(new Line("API Gateway HTTP API", "1 request per order", HTTP_API_PER_MILLION_REQUESTS));
        double writeUnits = 2 + 1 + REWARDS_SIGNUP_SHARE * 4 + 6;
        lines.add(new Line(
                "DynamoDB",
                String.format(
                        Locale.ROOT,
                        "%.1f WRU per order: email claim + mark 2, shipment 1,"
                                + " rewards transaction 2x2 x %.0f%%, analytics transaction 3x2 (two-line order)",
                        writeUnits,
                        REWARDS_SIGNUP_SHARE * 100),
                writeUnits * DYNAMODB_PER_MILLION_WRU));
        lines.add(new Line("SES", "1 email per order", SES_PER_THOUSAND_EMAILS * 1000));
        double logGb = invocations * LOG_BYTES_PER_INVOCATION * 1e6 / 1e9;
        lines.add(new Line(
                "CloudWatch Logs",
                String.format(Locale.ROOT, "%.1f GB ingested per million orders", logGb),
                logGb * LOGS_PER_GB_INGESTED));
        return lines;
    }

    static String report(List<FunctionCost> functions, List<Line> lines) {
        StringBuilder report = new StringBuilder("| service | what | USD per million orders |\n|---|---|---|\n");
        for (Line line : lines) {
            report.append(String.format(
                    Locale.ROOT, "| %s | %s | %.2f |%n", line.service(), line.what(), line.usdPerMillionOrders()));
        }
        double total = lines.stream().mapToDouble(Line::usdPerMillionOrders).sum();
        report.append(String.format(Locale.ROOT, "| **total** | | **%.2f** |%n", total));
        report.append("\nBilled duration per invocation = measured p50 CPU time x ")
                .append(FULL_VCPU_MB)
                .append(" / memory MB (Lambda's CPU share) + assumed service round trips, rounded up to 1 ms:\n\n")
                .append("| function | measured as | p50 CPU µs | service wait ms | billed ms |"
                        + " memory MB |\n|---|---|---|---|---|---|\n");
        for (FunctionCost function : functions) {
            report.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.0f | %.0f | %.0f | %d |%n",
                    function.logicalId(),
                    function.measuredAs(),
                    function.cpuMicros(),
                    function.waitMillis(),
                    function.billedMillis(),
                    function.memoryMb()));
        }
        return report.toString();
    }

    private static double p50(JsonNode warm, String handler) {
        JsonNode node = warm.path(handler).path("p50Micros");
        if (!node.isNumber()) {
            throw new IllegalStateException("warm.json has no p50 for " + handler + ": run WarmCost first");
        }
        return node.asDouble();
    }
}
