package shop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import shop.local.api.UnsignedJwt;
import shop.local.json.Json;
import shop.template.SamTemplate;

/**
 * The real template's system started in this JVM on free ports over a scratch data folder, with a console the test can
 * read, and the ways a test talks to it: API requests made from the sample events, and what landed in the data folder.
 */
final class LocalSystem implements AutoCloseable {

    /** Bound on every wait: generous for a 2-core machine, never reached when things work. */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    /** Speeds Lambda's retry waits up 6000 times (10 ms, 20 ms), so failure tests stay fast. */
    static final int RETRY_SPEED_UP = 6000;

    final LocalRuntime runtime;
    private final ByteArrayOutputStream console;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private LocalSystem(LocalRuntime runtime, ByteArrayOutputStream console) {
        this.runtime = runtime;
        this.console = console;
    }

    /** The repository's template.yaml. */
    static Path template() {
        return SamTemplate.locateConfigured();
    }

    /** A sample event under {@code events/} of the repository. */
    static Path sample(String relative) {
        return template().getParent().resolve("events").resolve(relative);
    }

    static LocalSystem start(Path template, Path data) {
        return start(LocalRuntime.Settings.of(template), data);
    }

    /** As {@link #start(Path, Path)}, from settings the caller has begun (to set the HTTP limits, say). */
    static LocalSystem start(LocalRuntime.Settings.Builder settings, Path data) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LocalRuntime runtime = LocalRuntime.start(settings.port(0)
                .data(data, false)
                .parameters(Map.of("SenderAddress", "orders@shop.example"))
                .retrySpeedUp(RETRY_SPEED_UP)
                .console(new PrintStream(console, true, StandardCharsets.UTF_8), false)
                .build());
        return new LocalSystem(runtime, console);
    }

    /** A sample API Gateway request, as aws-lambda-java-tests loads it. */
    static APIGatewayV2HTTPEvent request(String sample) {
        return EventLoader.loadApiGatewayHttpEvent(sample(sample).toString());
    }

    /** The request's body as a tree, to vary it. */
    static ObjectNode body(APIGatewayV2HTTPEvent request) {
        return (ObjectNode) Json.parseTrusted(request.getBody());
    }

    /**
     * Sends {@code request} to the local API as a client would: its method, path, headers and body, and a bearer token
     * carrying the claims API Gateway had verified for the sample.
     */
    CompletableFuture<HttpResponse<String>> send(APIGatewayV2HTTPEvent request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(runtime.apiUri() + request.getRawPath()))
                .method(
                        request.getRequestContext().getHttp().getMethod(),
                        HttpRequest.BodyPublishers.ofString(request.getBody()))
                .timeout(PATIENCE);
        request.getHeaders().forEach((name, value) -> {
            if (List.of("content-type", "accept", "idempotency-key").contains(name)) {
                builder.header(name, value);
            }
        });
        Map<String, String> claims =
                request.getRequestContext().getAuthorizer().getJwt().getClaims();
        builder.header("Authorization", "Bearer " + UnsignedJwt.of(Json.mapper().valueToTree(claims)));
        return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(APIGatewayV2HTTPEvent request) {
        return send(request).join();
    }

    /** Waits, bounded, until every delivery has settled (succeeded or dead-lettered). */
    void awaitSettled() throws InterruptedException {
        assertThat(runtime.awaitSettled(PATIENCE))
                .as("every delivery settles within %s", PATIENCE)
                .isTrue();
    }

    /** The order id checkout answered with. */
    static String orderId(HttpResponse<String> response) {
        return Json.parseTrusted(response.body()).path("orderId").asText();
    }

    /** Items of a table, as stored. */
    List<ObjectNode> items(String table) {
        return runtime.tables().items(table);
    }

    /** Every email in the outbox, parsed as a mail client parses it. */
    List<MimeMessage> emails() {
        return runtime.outbox().messages().stream().map(LocalSystem::read).toList();
    }

    String consoleText() {
        return console.toString(StandardCharsets.UTF_8);
    }

    static String text(JsonNode item, String attribute) {
        return item.path(attribute).path("S").asText();
    }

    static long number(JsonNode item, String attribute) {
        return item.path(attribute).path("N").asLong();
    }

    private static MimeMessage read(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (Exception e) {
            throw new AssertionError("The outbox holds an unreadable message " + eml, e);
        }
    }

    @Override
    public void close() {
        runtime.close();
    }
}
