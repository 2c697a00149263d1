package shop.benchmarks.throughput;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import shop.benchmarks.coldstart.Stats;
import shop.local.LocalRuntime;
import shop.local.api.UnsignedJwt;
import shop.template.SamTemplate;

/**
 * Orders per second end to end through the local runtime: {@code POST /orders} over HTTP in, until every subscriber the
 * bus routed the order to has finished (the runtime's ledger says the event settled). Closed-loop clients at each
 * concurrency level; every level sends a fixed number of orders and is bounded in time. Latency per order is from
 * sending the request to the event settling; the checkout answer's own latency is reported beside it.
 *
 * <pre>LocalThroughput [--levels 1,4,16,64] [--orders 2000] [--out benchmarks/target/throughput]</pre>
 *
 * The functions must be laid out as SAM packages them (benchmarks/run.sh does). Loopback traffic only.
 */
public final class LocalThroughput {

    private static final Duration LEVEL_BOUND = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final HttpRequest order;
    private final Map<String, Long> settledAt = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();

    private LocalThroughput(LocalRuntime runtime, HttpRequest order) {
        this.runtime = runtime;
        this.order = order;
        runtime.ledger().onSettled(event -> {
            String orderId = event.envelope().path("detail").path("orderId").asText();
            settledAt.put(orderId, System.nanoTime());
            CountDownLatch latch = waiting.get(orderId);
            if (latch != null) {
                latch.countDown();
            }
        });
    }

    /** One level's outcome. */
    record Level(
            int concurrency, int orders, double seconds, Stats endToEndMillis, Stats checkoutMillis, int failures) {
        double ordersPerSecond() {
            return orders / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = SamTemplate.locate(Path.of("")).getParent();
        List<Integer> levels = List.of(1, 4, 16, 64);
        int orders = 2000;
        Path out = root.resolve("benchmarks/target/throughput");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--levels" ->
                    levels = Arrays.stream(args[i + 1].split(","))
                            .map(Integer::valueOf)
                            .toList();
                case "--orders" -> orders = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("throughput-data");
        try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Settings.of(root.resolve("template.yaml"))
                .port(0)
                .data(data, true)
                .parameters(Map.of("SenderAddress", "orders@shop.example"))
                .console(new PrintStream(OutputStream.nullOutputStream()), false)
                .build())) {
            LocalThroughput benchmark = new LocalThroughput(runtime, request(root, runtime.apiUri()));
            System.out.println("Warm-up: 300 orders at concurrency 16");
            benchmark.level(16, 300);
            StringBuilder table =
                    new StringBuilder("| concurrency | orders | orders/s | end-to-end p50 ms | p99 ms | checkout"
                            + " answer p50 ms | p99 ms | failures |\n|---|---|---|---|---|---|---|---|\n");
            for (int concurrency : levels) {
                int count = concurrency == 1 ? Math.min(orders, 500) : orders;
                Level level = benchmark.level(concurrency, count);
                String row = String.format(
                        Locale.ROOT,
                        "| %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d |%n",
                        concurrency,
                        level.orders(),
                        level.ordersPerSecond(),
                        level.endToEndMillis().median(),
                        level.endToEndMillis().p99(),
                        level.checkoutMillis().median(),
                        level.checkoutMillis().p99(),
                        level.failures());
                System.out.print(row);
                table.append(row);
            }
            table.append("\nUnaccounted deliveries (neither processed nor dead-lettered): ")
                    .append(runtime.unaccounted().size())
                    .append('\n');
            Files.writeString(out.resolve("throughput.md"), table);
            System.out.println(table);
        }
    }

    /** Sends {@code count} orders from {@code concurrency} closed-loop clients and waits for every order to settle. */
    Level level(int concurrency, int count) throws InterruptedException {
        List<Double> endToEnd = Collections.synchronizedList(new ArrayList<>());
        List<Double> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger remaining = new AtomicInteger(count);
        AtomicInteger failures = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < concurrency; client++) {
            running.add(clients.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    sendOne(endToEnd, answers, failures);
                }
                return null;
            }));
        }
        clients.shutdown();
        if (!clients.awaitTermination(LEVEL_BOUND.toSeconds(), TimeUnit.SECONDS)) {
            clients.shutdownNow();
            throw new IllegalStateException("Concurrency " + concurrency + " did not finish within " + LEVEL_BOUND);
        }
        for (Future<?> client : running) {
            try {
                client.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("A client failed", e.getCause());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Level(concurrency, count, seconds, Stats.of(endToEnd), Stats.of(answers), failures.get());
    }

    /** One order: POST, then wait (bounded) until its event has settled with every subscriber. */
    private void sendOne(List<Double> endToEnd, List<Double> answers, AtomicInteger failures) throws Exception {
        long sent = System.nanoTime();
        HttpResponse<String> response = http.send(order, HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        if (response.statusCode() != 202) {
            failures.incrementAndGet();
            return;
        }
        String orderId = JSON.readTree(response.body()).path("orderId").asText();
        CountDownLatch latch = new CountDownLatch(1);
        waiting.put(orderId, latch);
        if (!settledAt.containsKey(orderId) && !latch.await(LEVEL_BOUND.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("Order " + orderId + " did not settle within " + LEVEL_BOUND);
        }
        waiting.remove(orderId);
        endToEnd.add((settledAt.remove(orderId) - sent) / 1e6);
        answers.add((answered - sent) / 1e6);
    }

    /** The sample signed-in order as a client sends it: body, content type and a token carrying the sample's claims. */
    private static HttpRequest request(Path root, URI api) throws IOException {
        APIGatewayV2HTTPEvent sample;
        try (InputStream in = Files.newInputStream(root.resolve("events/api-gateway/post-order-rewards-signup.json"))) {
            sample = LambdaEventSerializers.serializerFor(
                            APIGatewayV2HTTPEvent.class, LocalThroughput.class.getClassLoader())
                    .fromJson(in);
        }
        ObjectMapper json = new ObjectMapper();
        String token = UnsignedJwt.of(json.valueToTree(
                sample.getRequestContext().getAuthorizer().getJwt().getClaims()));
        return HttpRequest.newBuilder(URI.create(api + sample.getRawPath()))
                .POST(HttpRequest.BodyPublishers.ofString(sample.getBody()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .build();
    }
}
