package shop.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.local.deploy.Deployment;
import shop.local.json.Json;

/** The HTTP API's payload format 2.0, both ways, as API Gateway builds and reads it. */
class PayloadV2Test {

    private static final Deployment.Route ROUTE =
            new Deployment.Route("CheckoutApi", "POST", "/orders/{orderId}", "CheckoutFunction", Optional.empty());
    private static final Instant TIME = Instant.parse("2025-03-12T10:17:45Z");

    @Test
    void requestBecomesTheVersion2EventWithLowerCaseHeadersCookiesAndQuery() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("X-Custom", List.of("a", "b"));
        headers.put("Cookie", List.of("session=1; theme=dark"));
        headers.put("Host", List.of("localhost:3000"));
        PayloadV2.Request request = new PayloadV2.Request(
                "POST",
                "/orders/ord-1",
                "expand=items&expand=total&q=a%20b",
                headers,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                "127.0.0.1",
                "HTTP/1.1");

        ObjectNode event = PayloadV2.event(
                request, new Routes.Match(ROUTE, Map.of("orderId", "ord-1")), "req-1", TIME, Optional.empty());

        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("POST /orders/{orderId}");
        assertThat(event.path("rawPath").asText()).isEqualTo("/orders/ord-1");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("expand=items&expand=total&q=a%20b");
        assertThat(event.path("headers").path("content-type").asText()).isEqualTo("application/json");
        assertThat(event.path("headers").path("x-custom").asText()).isEqualTo("a,b");
        assertThat(event.path("headers").has("cookie")).isFalse();
        assertThat(event.path("cookies")).extracting(JsonNode::asText).containsExactly("session=1", "theme=dark");
        assertThat(event.path("queryStringParameters").path("expand").asText()).isEqualTo("items,total");
        assertThat(event.path("queryStringParameters").path("q").asText()).isEqualTo("a b");
        assertThat(event.path("pathParameters").path("orderId").asText()).isEqualTo("ord-1");
        assertThat(event.path("requestContext").path("http").path("method").asText())
                .isEqualTo("POST");
        assertThat(event.path("requestContext").path("http").path("sourceIp").asText())
                .isEqualTo("127.0.0.1");
        assertThat(event.path("requestContext").path("time").asText()).isEqualTo("12/Mar/2025:10:17:45 +0000");
        assertThat(event.path("requestContext").path("timeEpoch").asLong()).isEqualTo(TIME.toEpochMilli());
        assertThat(event.path("body").asText()).isEqualTo("{\"a\":1}");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void binaryBodyIsBase64Encoded() {
        PayloadV2.Request request = new PayloadV2.Request(
                "POST",
                "/orders/x",
                null,
                Map.of("content-type", List.of("application/octet-stream")),
                new byte[] {(byte) 0xff, 0x00},
                "127.0.0.1",
                "HTTP/1.1");

        ObjectNode event = PayloadV2.event(request, new Routes.Match(ROUTE, Map.of()), "req-1", TIME, Optional.empty());

        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(event.path("body").asText()).isEqualTo("/wA=");
    }

    @Test
    void verifiedClaimsGoUnderTheJwtAuthorizer() {
        PayloadV2.Request request =
                new PayloadV2.Request("POST", "/orders/x", null, Map.of(), new byte[0], "127.0.0.1", "HTTP/1.1");
        ObjectNode claims = Json.object().put("sub", "cust-1").put("scope", "orders:write orders:read");

        ObjectNode event =
                PayloadV2.event(request, new Routes.Match(ROUTE, Map.of()), "req-1", TIME, Optional.of(claims));

        JsonNode jwt = event.path("requestContext").path("authorizer").path("jwt");
        assertThat(jwt.path("claims").path("sub").asText()).isEqualTo("cust-1");
        assertThat(jwt.path("scopes")).extracting(JsonNode::asText).containsExactly("orders:write", "orders:read");
    }

    @Test
    void structuredAnswerBecomesStatusHeadersCookiesAndBody() {
        ObjectNode answer = Json.object()
                .put("statusCode", 202)
                .put("body", "{\"orderId\":\"o-1\"}")
                .put("isBase64Encoded", false);
        answer.putObject("headers").put("Content-Type", "application/json").put("Location", "/orders/o-1");
        answer.putArray("cookies").add("seen=1");

        PayloadV2.Response response = PayloadV2.response(Json.bytes(answer));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.headers())
                .contains(Map.entry("Location", "/orders/o-1"), Map.entry("Set-Cookie", "seen=1"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"o-1\"}");
    }

    @Test
    void base64AnswerIsDecoded() {
        ObjectNode answer =
                Json.object().put("statusCode", 200).put("body", "/wA=").put("isBase64Encoded", true);

        assertThat(PayloadV2.response(Json.bytes(answer)).body()).containsExactly(0xff, 0x00);
    }

    @Test
    void answerWithoutStatusCodeIsA200WithTheJsonAsBody() {
        byte[] answer = Json.bytes(Json.object().put("orderId", "o-1"));

        PayloadV2.Response response = PayloadV2.response(answer);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).contains(Map.entry("Content-Type", "application/json"));
        assertThat(response.body()).isEqualTo(answer);
    }
}
