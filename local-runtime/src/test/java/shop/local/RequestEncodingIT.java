package shop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.local.LocalSystem.text;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.local.api.UnsignedJwt;
import shop.local.json.Json;
import shop.testkit.RawBytes;

/**
 * Request bodies and headers over real HTTP against the local runtime, as a client sends them: bytes that are not
 * well-formed UTF-8 JSON get checkout's 400, a body not declared as JSON in UTF-8 its 415, and neither puts an event on
 * the bus; what API Gateway answers itself (no token, unknown route or method) comes back as API Gateway words it; and
 * a name in any script arrives intact in the email, the shipment and the logs.
 */
class RequestEncodingIT {

    @TempDir
    static Path data;

    static LocalSystem system;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** A token for the no-signup sample's customer. */
    private static final String BEARER = "Bearer " + token("cust-0815");

    @BeforeAll
    static void start() {
        system = LocalSystem.start(LocalSystem.template(), data);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    /** Bytes sent as the body of {@code POST /orders}, and the fields checkout's 400 must name. */
    record IllFormed(String name, byte[] body, List<String> fields) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<IllFormed> illFormedBodies() {
        return Stream.of(
                whole("overlong '/' in two bytes (C0 AF)", withNameBytes(0xC0, 0xAF)),
                whole("overlong '/' in three bytes (E0 80 AF)", withNameBytes(0xE0, 0x80, 0xAF)),
                whole("beyond U+10FFFF (F4 90 80 80)", withNameBytes(0xF4, 0x90, 0x80, 0x80)),
                whole("no such lead byte (F5 80 80 80)", withNameBytes(0xF5, 0x80, 0x80, 0x80)),
                whole("an encoded surrogate (ED A0 80)", withNameBytes(0xED, 0xA0, 0x80)),
                whole("a lead byte without its continuation (C3)", withNameBytes(0xC3)),
                whole("UTF-8 with a byte order mark", encoded(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF)),
                whole("UTF-16BE with a byte order mark", encoded(StandardCharsets.UTF_16BE, 0xFE, 0xFF)),
                whole("UTF-16LE with a byte order mark", encoded(StandardCharsets.UTF_16LE, 0xFF, 0xFE)),
                whole("UTF-16LE", encoded(StandardCharsets.UTF_16LE)),
                whole("UTF-32BE", encoded(Charset.forName("UTF-32BE"))),
                whole("UTF-32LE with a byte order mark", encoded(Charset.forName("UTF-32LE"), 0xFF, 0xFE, 0x00, 0x00)),
                new IllFormed(
                        "escaped lone surrogates (the sample)",
                        sampleBody("post-order-lone-surrogates.json"),
                        List.of("$.customer.name", "$.items[0].name")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illFormedBodies")
    void anIllFormedBodyGetsCheckouts400AndPutsNoEvent(IllFormed body) throws Exception {
        int eventsBefore = system.runtime.ledger().events().size();

        HttpResponse<String> response = post(body.body(), "application/json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = Json.parseTrusted(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:shop:problem:invalid-order");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyElementsOf(body.fields());
        assertThat(system.runtime.ledger().events()).hasSize(eventsBefore);
    }

    /** A Content-Type (null: none) checkout does not read. */
    static Stream<String> unsupportedContentTypes() {
        return Stream.of(
                null,
                "text/plain; charset=utf-8",
                "application/x-www-form-urlencoded",
                "application/json; charset=utf-16",
                "application/json; charset=iso-8859-1",
                "application/xml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedContentTypes")
    void aBodyNotDeclaredAsJsonInUtf8GetsCheckouts415AndPutsNoEvent(String contentType) throws Exception {
        int eventsBefore = system.runtime.ledger().events().size();

        HttpResponse<String> response = post(sampleBody("post-order-no-signup.json"), contentType);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = Json.parseTrusted(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:shop:problem:unsupported-media-type");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("header:Content-Type");
        assertThat(system.runtime.ledger().events()).hasSize(eventsBefore);
    }

    /** A request API Gateway answers before checkout runs, and what it answers. */
    record GatewayAnswer(String name, String method, String path, String authorization, int status, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<GatewayAnswer> gatewayAnswers() {
        return Stream.of(
                new GatewayAnswer("no Authorization header", "POST", "/orders", null, 401, "Unauthorized"),
                new GatewayAnswer(
                        "a bearer token that is not a JWT", "POST", "/orders", "Bearer not-a-jwt", 401, "Unauthorized"),
                new GatewayAnswer("another scheme", "POST", "/orders", "Basic Y3VzdC0wODE1OnB3", 401, "Unauthorized"),
                new GatewayAnswer("unknown route", "POST", "/order", BEARER, 404, "Not Found"),
                new GatewayAnswer("unknown method on a known path", "GET", "/orders", BEARER, 404, "Not Found"),
                new GatewayAnswer("PUT on a known path", "PUT", "/orders", BEARER, 404, "Not Found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gatewayAnswers")
    void whatApiGatewayAnswersItselfIsWordedAsApiGatewayWordsIt(GatewayAnswer answer) throws Exception {
        int eventsBefore = system.runtime.ledger().events().size();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.runtime.apiUri() + answer.path()))
                .method(
                        answer.method(),
                        HttpRequest.BodyPublishers.ofByteArray(sampleBody("post-order-no-signup.json")))
                .header("Content-Type", "application/json")
                .timeout(LocalSystem.PATIENCE);
        if (answer.authorization() != null) {
            request.header("Authorization", answer.authorization());
        }

        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(answer.status());
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(Json.parseTrusted(response.body())).isEqualTo(Json.object().put("message", answer.message()));
        assertThat(system.runtime.ledger().events()).hasSize(eventsBefore);
    }

    @Test
    void unicodeNamesArriveIntactInTheEmailTheShipmentAndTheLogs() throws Exception {
        APIGatewayV2HTTPEvent sample = LocalSystem.request("api-gateway/post-order-unicode-names.json");
        ObjectNode sent = LocalSystem.body(sample);
        String name = sent.path("customer").path("name").asText();
        String item = sent.path("items").path(0).path("name").asText();

        HttpResponse<String> response = post(
                sample.getBody().getBytes(StandardCharsets.UTF_8),
                sample.getHeaders().get("content-type"));
        system.awaitSettled();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String orderId = LocalSystem.orderId(response);
        MimeMessage email = system.emails().stream()
                .filter(message -> plainText(message).contains(orderId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no email for order " + orderId));
        assertThat(plainText(email)).contains("Hello " + name + ",", item);
        JsonNode shipment = system.items("ShipmentsTable").stream()
                .filter(candidate -> text(candidate, "orderId").equals(orderId))
                .findFirst()
                .orElseThrow();
        assertThat(text(shipment, "recipientName")).isEqualTo(name);
        JsonNode address = sent.path("shippingAddress");
        assertThat(shipment.toString())
                .contains(
                        item,
                        address.path("line1").asText(),
                        address.path("line2").asText(),
                        address.path("city").asText());
        // The logs carry the order id and no personal data: intact means well-formed JSON lines, nothing replaced.
        List<String> logLines = logLinesAbout(orderId);
        assertThat(logLines).isNotEmpty().allSatisfy(line -> {
            JsonNode entry = Json.parseTrusted(line.substring(line.indexOf('{')));
            assertThat(entry.path("orderId").asText()).isEqualTo(orderId);
            assertThat(line).doesNotContain("\uFFFD", name, "李小龍", "سارة");
        });
    }

    /** {@code POST /orders} with {@code body} and a token for the customer the body names. */
    private static HttpResponse<String> post(byte[] body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.runtime.apiUri() + "/orders"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(LocalSystem.PATIENCE);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Authorization", "Bearer " + token(customerIn(body)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The customer a sample body names; ill-formed bodies are all made from the no-signup sample's customer. */
    private static String customerIn(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        return text.contains("cust-2046") ? "cust-2046" : text.contains("cust-4711") ? "cust-4711" : "cust-0815";
    }

    private static String token(String customerId) {
        return UnsignedJwt.of(Json.object().put("sub", customerId).put("aud", "checkout-web"));
    }

    private static byte[] sampleBody(String sample) {
        return LocalSystem.request("api-gateway/" + sample).getBody().getBytes(StandardCharsets.UTF_8);
    }

    /** The no-signup sample's body with {@code inserted} bytes between the words of the customer's name. */
    private static byte[] withNameBytes(int... inserted) {
        return RawBytes.insertedAfter(sampleBody("post-order-no-signup.json"), "Jonas ", inserted);
    }

    /** The no-signup sample's body encoded in {@code charset}, after {@code prefix}. */
    private static byte[] encoded(Charset charset, int... prefix) {
        return RawBytes.encoded(
                new String(sampleBody("post-order-no-signup.json"), StandardCharsets.UTF_8), charset, prefix);
    }

    private static IllFormed whole(String name, byte[] body) {
        return new IllFormed(name, body, List.of("$"));
    }

    /** The plain-text part of an email, as a mail client decodes it. */
    private static String plainText(MimeMessage email) {
        try {
            Object content = email.getContent();
            return content instanceof MimeMultipart parts
                    ? parts.getBodyPart(0).getContent().toString()
                    : content.toString();
        } catch (Exception e) {
            throw new AssertionError("The email cannot be read", e);
        }
    }

    /** Lines of every function's log that name {@code orderId}. */
    private static List<String> logLinesAbout(String orderId) throws Exception {
        try (Stream<Path> logs = Files.list(data.resolve("logs"))) {
            return logs.flatMap(log -> {
                        try {
                            return Files.readAllLines(log, StandardCharsets.UTF_8).stream();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .filter(line -> line.contains(orderId))
                    .toList();
        }
    }
}
