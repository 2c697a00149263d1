package shop.local.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import shop.local.deploy.Deployment;
import shop.local.functions.Failure;
import shop.local.functions.Invocation;
import shop.local.functions.LambdaFunction;
import shop.local.http.HttpRequest;
import shop.local.http.HttpResponse;
import shop.local.http.HttpServer;
import shop.local.json.Json;

/**
 * The template's HTTP API on localhost: each request is matched to a route, turned into the payload 2.0 event, handed
 * synchronously to the route's function, and its answer turned back into the HTTP response, as API Gateway does.
 *
 * <p>Not emulated: throttling, CORS, custom domains, and JWT verification. A route with a JWT authorizer still requires
 * a bearer token (401 without, as API Gateway answers), but the token's signature, issuer, audience and expiry are not
 * checked: its claims are passed to the function unverified under {@code requestContext.authorizer.jwt}.
 *
 * <p>Served by {@link HttpServer}: malformed requests are answered 4xx and cut off, and stalled clients time out
 * without holding a worker, so they cannot starve the others.
 */
public final class HttpApi implements AutoCloseable {

    private final HttpServer server;
    private final Semaphore workers;
    private final Routes routes;
    private final Map<String, LambdaFunction> functions;
    private final Clock clock;
    private final Consumer<ApiCall> listener;

    private HttpApi(
            HttpServer server,
            int concurrency,
            List<Deployment.Route> routes,
            Map<String, LambdaFunction> functions,
            Clock clock,
            Consumer<ApiCall> listener) {
        this.server = server;
        this.workers = new Semaphore(concurrency);
        this.routes = new Routes(routes);
        this.functions = Map.copyOf(functions);
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Listens on {@code port} of localhost (0 for a free one).
     *
     * @param concurrency how many requests are served at once; the others wait for a turn on their connection
     * @param limits what one client may hold or send before it is answered 4xx and cut off
     */
    public static HttpApi start(
            int port,
            int concurrency,
            HttpServer.Limits limits,
            List<Deployment.Route> routes,
            Map<String, LambdaFunction> functions,
            Clock clock,
            Consumer<ApiCall> listener) {
        HttpServer server;
        try {
            server = HttpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), limits, "http-api");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot listen on localhost:" + port
                            + " (is another run-local, or something else, using it? choose another with --port)",
                    e);
        }
        HttpApi api = new HttpApi(server, concurrency, routes, functions, clock, listener);
        server.start(api::handle);
        return api;
    }

    /** Where the API listens, e.g. {@code http://localhost:3000}. */
    public URI uri() {
        return server.uri("localhost");
    }

    @Override
    public void close() {
        server.close();
    }

    private HttpResponse handle(HttpRequest request) {
        long started = System.nanoTime();
        workers.acquireUninterruptibly();
        try {
            return answer(request, started);
        } finally {
            workers.release();
        }
    }

    private HttpResponse answer(HttpRequest http, long started) {
        String method = http.method();
        String path = http.rawPath();
        Optional<Routes.Match> match = routes.match(method, path);
        if (match.isEmpty()) {
            return answer(
                    started,
                    method,
                    path,
                    Optional.empty(),
                    new PayloadV2.Response(
                            404,
                            List.of(Map.entry("Content-Type", "application/json")),
                            Json.bytes(Json.object().put("message", "Not Found"))),
                    Optional.empty(),
                    List.of());
        }
        Deployment.Route route = match.get().route();
        Optional<ObjectNode> claims = Optional.empty();
        if (route.authorizer().isPresent()) {
            claims = bearerClaims(http.header("Authorization").orElse(null));
            if (claims.isEmpty()) {
                return answer(
                        started,
                        method,
                        path,
                        Optional.of(route.routeKey()),
                        new PayloadV2.Response(
                                401,
                                List.of(
                                        Map.entry("Content-Type", "application/json"),
                                        Map.entry("www-authenticate", "Bearer")),
                                Json.bytes(Json.object().put("message", "Unauthorized"))),
                        Optional.empty(),
                        List.of());
            }
        }
        PayloadV2.Request request = new PayloadV2.Request(
                method,
                path,
                http.rawQuery(),
                http.headerMap(),
                http.body(),
                http.remote().getHostAddress(),
                http.protocol());
        ObjectNode event = PayloadV2.event(request, match.get(), requestId(), clock.instant(), claims);
        Invocation invocation = functions.get(route.function()).invoke(Json.bytes(event));
        PayloadV2.Response response = invocation
                .output()
                .map(PayloadV2::response)
                .orElseGet(() -> new PayloadV2.Response(
                        500, List.of(Map.entry("Content-Type", "application/json")), PayloadV2.internalError()));
        return answer(
                started,
                method,
                path,
                Optional.of(route.routeKey()),
                response,
                invocation.failure(),
                invocation.effects());
    }

    private HttpResponse answer(
            long started,
            String method,
            String path,
            Optional<String> routeKey,
            PayloadV2.Response response,
            Optional<Failure> failure,
            List<String> effects) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("apigw-requestid", requestId()));
        headers.addAll(response.headers());
        Optional<String> errorBody = response.status() >= 400
                ? Optional.of(new String(response.body(), StandardCharsets.UTF_8))
                : Optional.empty();
        listener.accept(new ApiCall(
                method,
                path,
                routeKey,
                response.status(),
                Duration.ofNanos(System.nanoTime() - started),
                errorBody,
                failure,
                effects));
        return new HttpResponse(response.status(), headers, response.body());
    }

    /** The claims of a bearer token shaped like a JWT, decoded without verification (see the class comment). */
    private static Optional<ObjectNode> bearerClaims(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(7).trim().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
            return claims.isObject() ? Optional.of((ObjectNode) claims) : Optional.empty();
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return Optional.empty(); // not a JWT: answered 401, as API Gateway answers a malformed token
        }
    }

    /** Shaped like API Gateway's request ids. */
    private static String requestId() {
        return Base64.getEncoder()
                        .withoutPadding()
                        .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII))
                        .substring(0, 16)
                + "=";
    }
}
