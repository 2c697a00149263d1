package shop.local.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import shop.local.deploy.Intrinsics;
import shop.local.json.Json;

/**
 * API Gateway HTTP API payload format 2.0: an HTTP request as the event a Lambda integration receives, and the
 * function's answer as the HTTP response API Gateway sends back.
 */
final class PayloadV2 {

    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private PayloadV2() {}

    /** An HTTP request as received; header names as sent, each with its values. */
    record Request(
            String method,
            String rawPath,
            String rawQuery,
            Map<String, List<String>> headers,
            byte[] body,
            String sourceIp,
            String protocol) {}

    /** The HTTP response to send; each header may repeat (Set-Cookie). */
    record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {}

    /**
     * The 2.0 event for {@code request} matched to {@code match}.
     *
     * @param claims JWT claims to put under {@code requestContext.authorizer.jwt}, when the route has an authorizer
     */
    static ObjectNode event(
            Request request, Routes.Match match, String requestId, Instant time, Optional<ObjectNode> claims) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        String routeKey = match.route().path().equals("$default")
                ? "$default"
                : match.route().routeKey();
        event.put("routeKey", routeKey);
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());

        ObjectNode headers = event.putObject("headers");
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                // HTTP API moves cookies out of the headers into their own list.
                values.forEach(value -> cookies.addAll(List.of(value.split(";\\s*"))));
            } else {
                headers.put(
                        lower,
                        headers.has(lower)
                                ? headers.get(lower).asText() + "," + String.join(",", values)
                                : String.join(",", values));
            }
        });
        if (!cookies.isEmpty()) {
            ArrayNode list = event.putArray("cookies");
            cookies.forEach(list::add);
        }
        Map<String, String> query = query(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", Intrinsics.ACCOUNT_ID);
        context.put("apiId", match.route().api());
        String host = headers.path("host").asText("localhost");
        context.put("domainName", host);
        context.put(
                "domainPrefix", host.contains(".") ? host.substring(0, host.indexOf('.')) : host.replaceAll(":.*", ""));
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.path("user-agent").asText(""));
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(time));
        context.put("timeEpoch", time.toEpochMilli());
        claims.ifPresent(jwt -> {
            ObjectNode authorizer = context.putObject("authorizer").putObject("jwt");
            ObjectNode claimStrings = authorizer.putObject("claims");
            jwt.properties()
                    .forEach(claim -> claimStrings.put(
                            claim.getKey(),
                            claim.getValue().isTextual()
                                    ? claim.getValue().asText()
                                    : claim.getValue().toString()));
            JsonNode scope = jwt.get("scope");
            if (scope != null && scope.isTextual()) {
                ArrayNode scopes = authorizer.putArray("scopes");
                List.of(scope.asText().split(" ")).forEach(scopes::add);
            } else {
                authorizer.putNull("scopes");
            }
        });
        if (!match.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        if (request.body().length > 0) {
            Optional<String> text =
                    isText(headers.path("content-type").asText("")) ? utf8(request.body()) : Optional.empty();
            event.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(request.body())));
            event.put("isBase64Encoded", text.isEmpty());
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /**
     * The HTTP response for a function's answer: a structured {@code {statusCode, headers, cookies, body,
     * isBase64Encoded}}, or, as API Gateway infers for any other JSON, a 200 with that JSON as the body.
     */
    static Response response(byte[] output) {
        JsonNode answer;
        try {
            answer = Json.parse(output);
        } catch (JsonProcessingException e) {
            return new Response(500, List.of(Map.entry("Content-Type", "application/json")), internalError());
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (!answer.isObject() || !answer.has("statusCode")) {
            headers.add(Map.entry("Content-Type", "application/json"));
            byte[] body = answer.isTextual() ? answer.asText().getBytes(StandardCharsets.UTF_8) : output;
            return new Response(200, headers, body);
        }
        answer.path("headers")
                .properties()
                .forEach(header ->
                        headers.add(Map.entry(header.getKey(), header.getValue().asText())));
        answer.path("multiValueHeaders")
                .properties()
                .forEach(header ->
                        header.getValue().forEach(value -> headers.add(Map.entry(header.getKey(), value.asText()))));
        answer.path("cookies").forEach(cookie -> headers.add(Map.entry("Set-Cookie", cookie.asText())));
        if (headers.stream().noneMatch(header -> header.getKey().equalsIgnoreCase("Content-Type"))) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        boolean base64 = answer.path("isBase64Encoded")
                .asBoolean(answer.path("base64Encoded").asBoolean(false));
        String body = answer.path("body").isNull() ? "" : answer.path("body").asText("");
        byte[] bytes = base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new Response(answer.path("statusCode").asInt(200), headers, bytes);
    }

    /** What API Gateway answers when the integration fails. */
    static byte[] internalError() {
        return Json.bytes(Json.object().put("message", "Internal Server Error"));
    }

    /** Query parameters decoded, repeated ones joined by commas, as HTTP API does. */
    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.isEmpty()
                || type.startsWith("text/")
                || type.contains("json")
                || type.contains("xml")
                || type.contains("javascript")
                || type.contains("x-www-form-urlencoded");
    }

    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(body))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
