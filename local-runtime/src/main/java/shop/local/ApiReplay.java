package shop.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import shop.local.api.UnsignedJwt;

/** Sends a recorded API Gateway v2 request (a sample under {@code events/}) to the local API as a client would. */
public final class ApiReplay {

    /** Headers API Gateway or the connection sets are not the caller's to replay. */
    private static final Set<String> NOT_REPLAYED = Set.of(
            "host",
            "content-length",
            "connection",
            "expect",
            "upgrade",
            "x-amzn-trace-id",
            "x-forwarded-for",
            "x-forwarded-port",
            "x-forwarded-proto");

    private ApiReplay() {}

    /** The local API's answer: status and body. */
    public record Answer(int status, String body) {}

    /** Replays an API Gateway v2 request against the local API; answers the HTTP status. */
    static int send(URI api, JsonNode request) throws IOException, InterruptedException {
        return exchange(api, request).status();
    }

    /** Replays an API Gateway v2 request against the local API; answers the status and the body. */
    public static Answer exchange(URI api, JsonNode request) throws IOException, InterruptedException {
        JsonNode http = request.path("requestContext").path("http");
        String method = http.path("method").asText(request.path("httpMethod").asText("GET"));
        String path = request.path("rawPath").asText(http.path("path").asText("/"));
        String query = request.path("rawQueryString").asText("");
        byte[] body = new byte[0];
        if (request.hasNonNull("body")) {
            String text = request.path("body").asText();
            body = request.path("isBase64Encoded").asBoolean()
                    ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(api + path + (query.isEmpty() ? "" : "?" + query)))
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(60));
        request.path("headers").properties().forEach(header -> {
            if (!NOT_REPLAYED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                builder.header(header.getKey(), header.getValue().asText());
            }
        });
        request.path("cookies").forEach(cookie -> builder.header("Cookie", cookie.asText()));
        JsonNode claims =
                request.path("requestContext").path("authorizer").path("jwt").path("claims");
        if (claims.isObject() && !request.path("headers").has("authorization")) {
            // The sample shows claims API Gateway had verified; the local API takes them from an unsigned token.
            builder.header("Authorization", "Bearer " + UnsignedJwt.of(claims));
        }
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
