package shop.reliability.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.events.EventJson;
import shop.local.LocalRuntime;
import shop.local.api.UnsignedJwt;
import shop.local.bus.Ledger;
import shop.local.bus.Redrive;
import shop.template.SamTemplate;

/**
 * Load with faults on the local runtime: thousands of orders posted by 64 concurrent clients, a tenth of them sent
 * twice with the same Idempotency-Key, while every subscriber fails a random 5% of its invocations (before or after
 * doing its work). After Lambda's retries and one redrive of the dead letters, every distinct order has exactly one
 * email, one shipment request and, for rewards members, one ledger entry, and every member's balance is the sum of
 * their orders' points. Bounded in time; prints the counts. Run: see docs/reliability.md ({@code -Pload}).
 */
class LoadWithFaultsIT {

    private static final int ORDERS = Integer.getInteger("load.orders", 10_000);
    private static final int CONCURRENCY = Integer.getInteger("load.concurrency", 64);
    private static final double FAILURE_RATE = Double.parseDouble(System.getProperty("load.failureRate", "0.05"));
    private static final Duration BOUND = Duration.ofMinutes(Integer.getInteger("load.minutes", 20));
    private static final List<String> CONSUMERS =
            List.of("EmailFunction", "WarehouseFunction", "RewardsFunction", "AnalyticsFunction");
    /** Points one order of the rewards-signup sample earns: EUR 43.99, one point per whole euro. */
    private static final long POINTS_PER_SIGNUP_ORDER = 43;

    private static final int CUSTOMERS = 250;
    private static final Pattern SUBJECT =
            Pattern.compile("^Subject: Your order ([0-9a-f-]{36}) is confirmed", Pattern.MULTILINE);

    @TempDir
    Path scratch;

    /** One request as a client sends it; a retry is the same request again. */
    record Order(String customerId, String idempotencyKey, boolean signup) {}

    @Test
    void everyDistinctOrderIsFulfilledExactlyOnceDespiteFailingConsumers() throws Exception {
        Path repositoryTemplate = SamTemplate.locate(Path.of(""));
        Path template = FaultyTemplate.write(repositoryTemplate, scratch.resolve("fixture"), CONSUMERS, FAILURE_RATE);
        Map<String, ObjectNode> bodies = Map.of(
                "signup", body(repositoryTemplate, "post-order-rewards-signup.json"),
                "no-signup", body(repositoryTemplate, "post-order-no-signup.json"));
        List<Order> requests = requests(new Random(20251126L));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        long started = System.nanoTime();

        try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Settings.of(template)
                .port(0)
                .data(scratch.resolve("data"), true)
                .parameters(Map.of(
                        "SenderAddress",
                        "orders@shop.example",
                        "JwtIssuer",
                        "https://id.shop.example/",
                        "JwtAudience",
                        "checkout-web"))
                .concurrency(CONCURRENCY)
                .console(new PrintStream(console, true, StandardCharsets.UTF_8), false)
                .build())) {
            Map<Order, String> orderIds = post(runtime.apiUri(), requests, bodies);
            long posted = System.nanoTime();
            assertThat(runtime.awaitSettled(BOUND))
                    .as("every delivery settles within %s", BOUND)
                    .isTrue();
            long settled = System.nanoTime();
            int deadLettered = runtime.deadLetters().list(Optional.empty()).size();
            Redrive.Result redrive = runtime.redrive(Optional.empty());
            assertThat(runtime.awaitSettled(BOUND))
                    .as("the redrive settles within %s", BOUND)
                    .isTrue();
            long finished = System.nanoTime();

            Map<String, Order> distinct = new HashMap<>();
            orderIds.forEach((order, orderId) -> distinct.put(orderId, order));
            Map<String, Integer> emails = emailsPerOrder(runtime);
            Map<String, Long> shipments =
                    countBy(runtime.tables().items("ShipmentsTable"), item -> text(item, "orderId"));
            List<ObjectNode> rewards = runtime.tables().items("RewardsTable");
            Map<String, Long> credits = countBy(
                    rewards.stream()
                            .filter(item -> text(item, "entry").startsWith("ORDER#"))
                            .toList(),
                    item -> text(item, "orderId"));
            Map<String, Long> balances = rewards.stream()
                    .filter(item -> text(item, "entry").equals("BALANCE"))
                    .collect(Collectors.toMap(item -> text(item, "customerId"), item -> number(item, "points")));
            Map<String, Long> expectedBalances = distinct.values().stream()
                    .filter(Order::signup)
                    .collect(Collectors.groupingBy(
                            Order::customerId, TreeMap::new, Collectors.summingLong(order -> POINTS_PER_SIGNUP_ORDER)));
            List<Ledger.Event> events = runtime.ledger().events();
            long attempts = events.stream()
                    .flatMap(event -> event.deliveries().stream())
                    .mapToLong(delivery -> delivery.attempts().size())
                    .sum();
            long injected = events.stream()
                    .flatMap(event -> event.deliveries().stream())
                    .flatMap(delivery -> delivery.attempts().stream())
                    .filter(attempt -> attempt.failure()
                            .map(f -> f.errorType().endsWith("InjectedFault"))
                            .orElse(false))
                    .count();
            Map<String, Long> otherFailures = events.stream()
                    .flatMap(event -> event.deliveries().stream())
                    .flatMap(delivery -> delivery.attempts().stream())
                    .flatMap(attempt -> attempt.failure().stream())
                    .filter(failure -> !failure.errorType().endsWith("InjectedFault"))
                    .collect(Collectors.groupingBy(
                            failure -> failure.errorType()
                                    .substring(failure.errorType().lastIndexOf('.') + 1),
                            TreeMap::new,
                            Collectors.counting()));
            long published = events.size() - redrive.eventIds().size();
            long ordersOnBus = events.stream()
                    .map(event ->
                            event.envelope().path("detail").path("orderId").asText())
                    .distinct()
                    .count();

            System.out.printf(
                    """
                    Load with faults (local runtime, %d client threads, consumers failing %.1f%% of invocations):
                      requests posted            %d (%d distinct orders, %d resent with the same Idempotency-Key)
                      events accepted by the bus %d for %d orders (each resend publishes again; so does an SDK retry
                                                 after a PutEvents answer lost to a timeout)
                      invocations                %d, of which %d failed by injection; other failures: %s
                      dead letters               %d after retries; %d redriven, %d left after the redrive
                      emails                     %d for %d orders (max %d per order)
                      shipment requests          %d for %d orders (max %d per order)
                      rewards entries            %d for %d member orders; %d balances, \
                    all equal to the sum of their orders
                      time                       %d s posting, %d s until settled, %d s with the redrive
                    """,
                    CONCURRENCY,
                    FAILURE_RATE * 100,
                    requests.size(),
                    distinct.size(),
                    requests.size() - ORDERS,
                    published,
                    ordersOnBus,
                    attempts,
                    injected,
                    otherFailures.isEmpty() ? "none" : otherFailures,
                    deadLettered,
                    redrive.eventIds().size(),
                    runtime.deadLetters().list(Optional.empty()).size(),
                    emails.values().stream().mapToInt(Integer::intValue).sum(),
                    emails.size(),
                    emails.values().stream().mapToInt(Integer::intValue).max().orElse(0),
                    shipments.values().stream().mapToLong(Long::longValue).sum(),
                    shipments.size(),
                    shipments.values().stream().mapToLong(Long::longValue).max().orElse(0),
                    credits.values().stream().mapToLong(Long::longValue).sum(),
                    credits.size(),
                    balances.size(),
                    seconds(started, posted),
                    seconds(started, settled),
                    seconds(started, finished));

            assertThat(distinct).hasSize(ORDERS);
            assertThat(injected).as("faults were injected").isPositive();
            assertThat(runtime.deadLetters().list(Optional.empty()))
                    .as("dead letters after one redrive")
                    .isEmpty();
            assertThat(runtime.unaccounted())
                    .as("accepted events neither processed nor dead-lettered")
                    .isEmpty();
            assertThat(emails)
                    .as("emails per order")
                    .hasSize(ORDERS)
                    .allSatisfy((orderId, count) -> assertThat(count).isOne());
            assertThat(emails.keySet()).isEqualTo(distinct.keySet());
            assertThat(shipments)
                    .as("shipments per order")
                    .hasSize(ORDERS)
                    .allSatisfy((orderId, count) -> assertThat(count).isOne());
            Map<String, Long> expectedCredits = distinct.entrySet().stream()
                    .filter(entry -> entry.getValue().signup())
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> 1L));
            assertThat(credits).as("rewards entries per member order").isEqualTo(expectedCredits);
            assertThat(new TreeMap<>(balances)).as("balances").isEqualTo(expectedBalances);
            assertThat(Duration.ofNanos(finished - started)).isLessThan(BOUND);
        }
    }

    /** {@code ORDERS} distinct orders, half by rewards members, and a tenth of them sent again; shuffled. */
    private static List<Order> requests(Random random) {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(new Order(
                    "cust-load-" + random.nextInt(CUSTOMERS), UUID.randomUUID().toString(), i % 2 == 0));
        }
        List<Order> requests = new ArrayList<>(orders);
        for (int i = 0; i < ORDERS / 10; i++) {
            requests.add(orders.get(random.nextInt(orders.size())));
        }
        Collections.shuffle(requests, random);
        return requests;
    }

    /** Posts every request from {@code CONCURRENCY} threads; a 503 is retried with the same key, as the answer says. */
    private static Map<Order, String> post(URI api, List<Order> requests, Map<String, ObjectNode> bodies)
            throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        Map<Order, String> orderIds = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Order order : requests) {
                sent.add(clients.submit(() -> {
                    String orderId = place(http, api, order, bodies.get(order.signup() ? "signup" : "no-signup"));
                    String earlier = orderIds.putIfAbsent(order, orderId);
                    assertThat(earlier == null || earlier.equals(orderId))
                            .as("same key, same order id")
                            .isTrue();
                    return null;
                }));
            }
            for (Future<?> request : sent) {
                request.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdown();
        }
        return orderIds;
    }

    private static String place(HttpClient http, URI api, Order order, ObjectNode body) throws Exception {
        ObjectNode claims = EventJson.mapper()
                .createObjectNode()
                .put("sub", order.customerId())
                .put("iss", "https://id.shop.example/")
                .put("aud", "checkout-web");
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", order.idempotencyKey())
                .header("Authorization", "Bearer " + UnsignedJwt.of(claims))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(body)))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503 || attempt == 5) {
                assertThat(response.statusCode())
                        .as("answer to %s: %s", order, response.body())
                        .isEqualTo(202);
                return EventJson.mapper()
                        .readTree(response.body())
                        .path("orderId")
                        .asText();
            }
        }
    }

    /** A sample request's body without a customer id: the token names the customer. */
    private static ObjectNode body(Path repositoryTemplate, String sample) throws IOException {
        JsonNode event = EventJson.mapper()
                .readTree(repositoryTemplate
                        .getParent()
                        .resolve("events/api-gateway")
                        .resolve(sample)
                        .toFile());
        ObjectNode body =
                (ObjectNode) EventJson.mapper().readTree(event.path("body").asText());
        ((ObjectNode) body.get("customer")).remove("customerId");
        return body;
    }

    /** Emails in the outbox per order id, read from each message's subject. */
    private static Map<String, Integer> emailsPerOrder(LocalRuntime runtime) {
        Map<String, Integer> emails = new HashMap<>();
        for (Path message : runtime.outbox().messages()) {
            try {
                Matcher subject = SUBJECT.matcher(Files.readString(message, StandardCharsets.ISO_8859_1));
                assertThat(subject.find())
                        .as("a confirmation subject in %s", message)
                        .isTrue();
                emails.merge(subject.group(1), 1, Integer::sum);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + message, e);
            }
        }
        return emails;
    }

    private static Map<String, Long> countBy(List<ObjectNode> items, Function<ObjectNode, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static String text(JsonNode item, String attribute) {
        return item.path(attribute).path("S").asText();
    }

    private static long number(JsonNode item, String attribute) {
        return item.path(attribute).path("N").asLong();
    }

    private static long seconds(long from, long to) {
        return TimeUnit.NANOSECONDS.toSeconds(to - from);
    }
}
