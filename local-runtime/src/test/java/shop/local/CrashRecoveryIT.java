package shop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.local.api.UnsignedJwt;
import shop.local.json.Json;

/**
 * Accepted means durable: the runtime runs in a child JVM under load from 16 clients and is killed ({@code kill -9})
 * twice at random points, each time restarted on the same data folder. Every order answered 202 must end with its
 * shipment (the table holds one per order), exactly one rewards credit, counted once in its customer's balance, and its
 * confirmation email: at least once, at most twice, as the email function's documented window allows (a sender killed
 * after SES answered and before it marked the confirmation sent sends again on the retry).
 *
 * <p>The runtime runs with Lambda's real retry waits ({@code --retry-speedup 1}): an email delivery cut off by a kill
 * leaves the email function's claim on the order held for its 60 s lease, and the retry one minute later is what finds
 * it expired, as on Lambda. With the local 600-fold speed-up those deliveries would be dead-lettered instead.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 16;
    private static final int ORDERS = 160;
    private static final int CUSTOMERS = 20;
    private static final Duration BOUND = Duration.ofSeconds(100);

    @TempDir
    Path data;

    private final List<ChildRuntime> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(ChildRuntime::kill);
    }

    @Test
    void everyAcceptedOrderIsShippedCreditedOnceAndConfirmedAtMostTwiceAfterKillsUnderLoad() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int port = freePort();
        URI api = URI.create("http://localhost:" + port);
        long started = System.nanoTime();
        ChildRuntime runtime = start(port);
        Load load = new Load(api);
        load.start();

        int[] killAt = {ORDERS / 5 + random.nextInt(ORDERS / 4), ORDERS / 2 + random.nextInt(ORDERS / 4)};
        for (int threshold : killAt) {
            load.awaitAccepted(threshold);
            load.down();
            runtime.kill();
            runtime = start(port);
            load.up();
        }
        Map<String, String> accepted = load.awaitAll();
        // Effects are complete once every answered order has its email; the item files follow within a moment.
        awaitEmails(accepted.keySet());
        runtime.quit();
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Integer> emails = emailsByOrder(accepted.keySet());
        Set<String> shipped = orderIds("ShipmentsTable");
        Map<String, Long> balances = new HashMap<>();
        Map<String, Long> credited = new HashMap<>();
        List<String> creditedOrders = new ArrayList<>();
        for (JsonNode item : items("RewardsTable")) {
            String customer = item.path("customerId").path("S").asText();
            long points = item.path("points").path("N").asLong();
            if (item.path("entry").path("S").asText().equals("BALANCE")) {
                balances.put(customer, points);
            } else {
                credited.merge(customer, points, Long::sum);
                creditedOrders.add(item.path("orderId").path("S").asText());
            }
        }
        long twice = emails.values().stream().filter(count -> count > 1).count();
        System.out.printf(
                "crash test (seed %d): %d orders accepted, kills after %d and %d, %d confirmed twice, " + "%.1f s%n",
                seed, accepted.size(), killAt[0], killAt[1], twice, seconds);

        assertThat(accepted).as("every order was answered 202 in the end").hasSize(ORDERS);
        assertThat(shipped).as("a shipment per accepted order").containsAll(accepted.keySet());
        assertThat(creditedOrders)
                .as("a rewards credit per accepted order")
                .containsAll(accepted.keySet())
                .doesNotHaveDuplicates();
        assertThat(balances).as("each balance counts each credit once").isEqualTo(credited);
        assertThat(emails.keySet()).as("a confirmation per accepted order").containsAll(accepted.keySet());
        // The email function's documented window: a sender killed after SES answered and before it marked the
        // confirmation sent sends again on the retry. At most one such send per delivery running at a kill.
        assertThat(emails.values()).as("no order confirmed more than twice").allMatch(count -> count <= 2);
        assertThat(twice)
                .as("orders confirmed twice (sender killed between send and mark)")
                .isLessThanOrEqualTo(killAt.length * CLIENTS);
    }

    private ChildRuntime start(int port) throws Exception {
        ChildRuntime runtime = ChildRuntime.start(port, data, started.size());
        started.add(runtime);
        return runtime;
    }

    /** Waits, bounded, until every order in {@code orderIds} has at least one email in the outbox. */
    private void awaitEmails(Set<String> orderIds) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!emailsByOrder(orderIds).keySet().containsAll(orderIds)) {
            assertThat(System.nanoTime())
                    .as("every accepted order is confirmed within %s", BOUND)
                    .isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(500); // polling a folder another process writes: nothing to wait on instead
        }
    }

    /** Emails in the outbox per order id they confirm (the id is in the text part). */
    private Map<String, Integer> emailsByOrder(Set<String> orderIds) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        Path outbox = data.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return counts;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(outbox)) {
            files = list.filter(file -> file.getFileName().toString().endsWith(".eml"))
                    .toList();
        }
        for (Path file : files) {
            String text;
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                text = ((MimeMultipart) message.getContent())
                        .getBodyPart(0)
                        .getContent()
                        .toString();
            }
            orderIds.stream().filter(text::contains).forEach(orderId -> counts.merge(orderId, 1, Integer::sum));
        }
        return counts;
    }

    private Set<String> orderIds(String table) throws IOException {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        items(table).forEach(item -> ids.add(item.path("orderId").path("S").asText()));
        return ids;
    }

    private List<JsonNode> items(String table) throws IOException {
        Path folder = data.resolve("dynamodb").resolve(table);
        List<JsonNode> items = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return items;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .toList()) {
                items.add(Json.parse(Files.readAllBytes(file)));
            }
        }
        return items;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code ./run-local} in its own JVM, as a user runs it. */
    private static final class ChildRuntime {
        private final Process process;
        private final CountDownLatch serving = new CountDownLatch(1);

        private ChildRuntime(Process process) {
            this.process = process;
        }

        static ChildRuntime start(int port, Path data, int number) throws Exception {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classPath = Path.of("target/classes") + File.pathSeparator + Path.of("target/dependency")
                    + File.separator + "*";
            ProcessBuilder builder = new ProcessBuilder(
                            java,
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-cp",
                            classPath,
                            "shop.local.RunLocal",
                            "--template",
                            LocalSystem.template().toString(),
                            "--data",
                            data.toString(),
                            "--port",
                            Integer.toString(port),
                            "--parameter",
                            "SenderAddress=orders@shop.example",
                            "--retry-speedup",
                            "1")
                    .redirectErrorStream(true);
            ChildRuntime runtime = new ChildRuntime(builder.start());
            Path log = data.resolveSibling(data.getFileName() + "-runtime-" + number + ".log");
            Thread reader = new Thread(() -> runtime.drain(log), "child-runtime-output");
            reader.setDaemon(true);
            reader.start();
            if (!runtime.serving.await(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                runtime.kill();
                throw new AssertionError("The child runtime did not start serving within " + BOUND + "; see " + log);
            }
            return runtime;
        }

        private void drain(Path log) {
            try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintStream out = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.println(line);
                    if (line.startsWith("Serving.")) {
                        serving.countDown();
                    }
                }
            } catch (IOException e) {
                // The process was killed: its output ends here.
            }
        }

        /** {@code kill -9}: no shutdown hook, no drain, nothing flushed that was not flushed already. */
        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** A graceful stop, as 'quit' typed on its console: item files and the journal are complete after it. */
        void quit() throws Exception {
            try (OutputStream in = process.getOutputStream()) {
                in.write("quit\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the runtime stops on 'quit'")
                    .isTrue();
        }
    }

    /**
     * 16 closed-loop clients sending {@link #ORDERS} distinct orders, each with its own idempotency key, so that a
     * request whose answer a kill cut off is sent again safely; while the runtime is down they wait for it.
     */
    private static final class Load {
        private final URI api;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final AtomicInteger next = new AtomicInteger();
        private final Map<String, String> accepted = new ConcurrentHashMap<>();
        private final AtomicReference<CountDownLatch> available = new AtomicReference<>(new CountDownLatch(0));
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        private final List<Future<?>> running = new ArrayList<>();
        private final APIGatewayV2HTTPEvent sample = LocalSystem.request("api-gateway/post-order-rewards-signup.json");

        Load(URI api) {
            this.api = api;
        }

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    for (int order = next.getAndIncrement(); order < ORDERS; order = next.getAndIncrement()) {
                        send(order);
                    }
                    return null;
                }));
            }
            clients.shutdown();
        }

        void down() {
            available.set(new CountDownLatch(1));
        }

        void up() {
            available.get().countDown();
        }

        synchronized void awaitAccepted(int count) throws InterruptedException {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (accepted.size() < count) {
                long left = deadline - System.nanoTime();
                assertThat(left)
                        .as("%d orders accepted within %s", count, BOUND)
                        .isPositive();
                wait(Math.max(1, left / 1_000_000));
            }
        }

        Map<String, String> awaitAll() throws Exception {
            assertThat(clients.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS))
                    .as("clients finish")
                    .isTrue();
            for (Future<?> client : running) {
                client.get();
            }
            return Map.copyOf(accepted);
        }

        private void send(int order) throws Exception {
            String customer = "cust-crash-" + order % CUSTOMERS;
            HttpRequest request = request(customer, "crash-order-" + order);
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (true) {
                assertThat(System.nanoTime())
                        .as("order %d accepted within %s", order, BOUND)
                        .isLessThan(deadline);
                available.get().await(BOUND.toSeconds(), TimeUnit.SECONDS);
                HttpResponse<String> response;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException cutOff) {
                    continue; // killed, or not yet back: sent again with the same idempotency key
                }
                if (response.statusCode() >= 500) {
                    continue;
                }
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                String orderId =
                        Json.parseTrusted(response.body()).path("orderId").asText();
                synchronized (this) {
                    accepted.put(orderId, customer);
                    notifyAll();
                }
                return;
            }
        }

        private HttpRequest request(String customer, String idempotencyKey) {
            ObjectNode body = (ObjectNode) Json.parseTrusted(sample.getBody());
            ((ObjectNode) body.path("customer"))
                    .put("customerId", customer)
                    .put("email", customer + "@example.com")
                    .put("rewardsSignup", true);
            Map<String, String> claims = new HashMap<>(
                    sample.getRequestContext().getAuthorizer().getJwt().getClaims());
            claims.put("sub", customer);
            return HttpRequest.newBuilder(api.resolve(sample.getRawPath()))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .header(
                            "Authorization",
                            "Bearer " + UnsignedJwt.of(Json.mapper().valueToTree(claims)))
                    .timeout(Duration.ofSeconds(30))
                    .build();
        }
    }
}
