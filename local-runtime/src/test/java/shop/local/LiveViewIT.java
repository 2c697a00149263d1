package shop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.local.bus.Ledger;
import shop.local.json.Json;
import shop.local.view.LiveView;

/**
 * The live view's HTTP side without a browser (the page itself is tested in Chromium by live-view-tests): the feed
 * replays what the ledger holds, the fault switch makes a subscriber fail until dead-lettered, redrive delivers it, and
 * a request the view cannot act on gets a reason and changes nothing.
 */
class LiveViewIT {

    private static final String SUBSCRIBER = "WarehouseFunction";

    @TempDir
    static Path data;

    private static LocalSystem system;
    private static LiveView view;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        system = LocalSystem.start(LocalSystem.template(), data);
        view = LiveView.start(system.runtime, 0);
    }

    @AfterAll
    static void stop() {
        view.close();
        system.close();
    }

    @Test
    void theStreamReplaysAnOrderPlacedBeforeItWasOpened() throws Exception {
        String orderId = LocalSystem.orderId(system.post(LocalSystem.request("api-gateway/post-order-no-signup.json")));
        system.awaitSettled();

        Optional<String> replayed = firstStreamLine(line -> line.startsWith("data: ") && line.contains(orderId));

        assertThat(replayed).isPresent();
        JsonNode order = Json.parseTrusted(replayed.get().substring("data: ".length()));
        assertThat(order.path("outcomes").path("EmailFunction").asText()).isEqualTo("ok");
        assertThat(order.path("answer").path("status").asInt()).isEqualTo(202);
    }

    @Test
    void anArmedFaultDeadLettersTheSubscriberAndRedriveDeliversIt() throws Exception {
        int attempts = system.runtime.deployment().function(SUBSCRIBER).retries() + 1;
        assertThat(post("faults", "{\"function\":\"" + SUBSCRIBER + "\",\"count\":" + attempts + "}")
                        .statusCode())
                .isEqualTo(200);

        String orderId = LocalSystem.orderId(system.post(LocalSystem.request("api-gateway/post-order-no-signup.json")));
        system.awaitSettled();

        Ledger.Delivery failed = delivery(orderId, SUBSCRIBER);
        assertThat(failed.outcome()).isEqualTo(Ledger.Outcome.DEAD_LETTERED);
        assertThat(failed.attempts())
                .hasSize(attempts)
                .allSatisfy(
                        a -> assertThat(a.failure().orElseThrow().errorType()).isEqualTo("LocalFaultInjected"));
        assertThat(system.runtime.functions().get(SUBSCRIBER).injectedFailuresLeft())
                .isZero();

        assertThat(post("redrive", "{\"function\":\"" + SUBSCRIBER + "\"}").statusCode())
                .isEqualTo(200);
        system.awaitSettled();

        assertThat(system.runtime.deadLetters().list(Optional.of(SUBSCRIBER))).isEmpty();
        assertThat(system.runtime.unaccounted()).isEmpty();
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                Arguments.of(
                        "an unknown subscriber",
                        "faults",
                        "application/json",
                        "{\"function\":\"NoSuchFunction\",\"count\":1}",
                        400,
                        "No subscriber named 'NoSuchFunction'"),
                Arguments.of(
                        "the producer, which no rule targets",
                        "faults",
                        "application/json",
                        "{\"function\":\"CheckoutFunction\",\"count\":1}",
                        400,
                        "No subscriber named"),
                Arguments.of(
                        "a negative count",
                        "faults",
                        "application/json",
                        "{\"function\":\"EmailFunction\",\"count\":-1}",
                        400,
                        "count must be a whole number"),
                Arguments.of(
                        "a count over the limit",
                        "faults",
                        "application/json",
                        "{\"function\":\"EmailFunction\",\"count\":101}",
                        400,
                        "from 0 to 100"),
                Arguments.of(
                        "a count as text",
                        "faults",
                        "application/json",
                        "{\"function\":\"EmailFunction\",\"count\":\"3\"}",
                        400,
                        "count must be a whole number"),
                Arguments.of("a body that is not JSON", "faults", "application/json", "count=3", 400, "not JSON"),
                Arguments.of(
                        "a form post from another site",
                        "faults",
                        "application/x-www-form-urlencoded",
                        "function=EmailFunction&count=3",
                        415,
                        "Send application/json"),
                Arguments.of(
                        "redrive of an unknown subscriber",
                        "redrive",
                        "application/json",
                        "{\"function\":\"Nope\"}",
                        400,
                        "No subscriber named 'Nope'"),
                Arguments.of(
                        "an order that is not an object",
                        "orders",
                        "application/json",
                        "[1]",
                        400,
                        "API Gateway v2 request"),
                Arguments.of("an unknown action", "reset", "application/json", "{}", 404, "No POST /view/reset"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void aRequestTheViewCannotActOnIsRefusedWithAReasonAndChangesNothing(
            String name, String path, String type, String body, int status, String reason) throws Exception {
        int eventsBefore = system.runtime.ledger().events().size();

        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(view.uri().resolve(path))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(Json.parseTrusted(response.body()).path("message").asText()).contains(reason);
        assertThat(system.runtime.functions().values())
                .allSatisfy(f -> assertThat(f.injectedFailuresLeft()).isZero());
        assertThat(system.runtime.ledger().events()).hasSize(eventsBefore);
    }

    @Test
    void thePageItsScriptAndTheTemplatesMapAreServed() throws Exception {
        assertThat(get("").body()).contains("<script src=\"view.js\"");
        assertThat(get("view.js").body()).contains("new EventSource('stream')");
        assertThat(get("map.svg").body()).startsWith("<svg").contains("<g id=\"EmailFunction\">");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(view.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response;
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(view.uri().resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Ledger.Delivery delivery(String orderId, String function) {
        return system.runtime.ledger().events().stream()
                .filter(e ->
                        e.envelope().path("detail").path("orderId").asText().equals(orderId))
                .findFirst()
                .orElseThrow()
                .deliveries()
                .stream()
                .filter(d -> d.function().equals(function))
                .findFirst()
                .orElseThrow();
    }

    /** Reads the event stream until a line matches, bounded by {@link LocalSystem#PATIENCE}. */
    private static Optional<String> firstStreamLine(Predicate<String> wanted) throws Exception {
        HttpResponse<InputStream> response = HTTP.send(
                HttpRequest.newBuilder(view.uri().resolve("stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        try (InputStream body = response.body()) {
            CompletableFuture<Optional<String>> found = CompletableFuture.supplyAsync(() -> {
                BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                return lines.lines().filter(wanted).findFirst();
            });
            return found.get(LocalSystem.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
