package shop.local.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import shop.local.deploy.Deployment;
import shop.local.functions.Invocation;
import shop.local.functions.LambdaFunction;
import shop.local.json.Json;

/**
 * The template's HTTP API on localhost: each request is matched to a route, turned into the payload 2.0 event, handed
 * synchronously to the route's function, and its answer turned back into the HTTP response, as API Gateway does.
 *
 * <p>Not emulated: throttling, CORS, custom domains, and JWT verification. A route with a JWT authorizer still
 * requires a bearer token (401 without, as API Gateway answers), but the token's signature, issuer, audience and expiry
 * are not checked: its claims are passed to the function unverified under {@code requestContext.authorizer.jwt}.
 */
public final class HttpApi implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's small responses wait out the client's 40 ms delayed ACK on every
        // loopback hop (measured in docs/performance.md); the JDK reads this once, when its first server starts.
        // An explicit setting wins, so the benchmark can still measure the runtime without it.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final Routes routes;
    private final Map<String, LambdaFunction> functions;
    private final Clock clock;
    private final Consumer<ApiCall> listener;

    private HttpApi(HttpServer server, ExecutorService workers, List<Deployment.Route> routes, Map<String, LambdaFunction> functions,
            Clock clock, Consumer<ApiCall> listener) {
        this.server = server;
        this.workers = workers;
        this.routes = new Routes(routes);
        this.functions = Map.copyOf(functions);
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Listens on {@code port} of localhost (0 for a free one).
     *
     * @param concurrency how many requests are served at once; the others wait in the listen queue
     */
    public static HttpApi start(int port, int concurrency, List<Deployment.Route> routes, Map<String, LambdaFunction> functions, Clock clock,
            Consumer<ApiCall> listener) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
            AtomicInteger count = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(concurrency, task -> {
                Thread thread = new Thread(task, "http-api-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            HttpApi api = new HttpApi(server, workers, routes, functions, clock, listener);
            server.createContext("/", api::handle);
            server.setExecutor(workers);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on localhost:" + port + " (is another run-local, or something else, using it? "
                    + "choose another with --port)", e);
        }
    }

    /** Where the API listens, e.g. {@code http://localhost:3000}. */
    public URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            String path = uri.getRawPath();
            Optional<Routes.Match> match = routes.match(method, path);
            if (match.isEmpty()) {
                answer(exchange, started, method, path, Optional.empty(), new PayloadV2.Response(404,
                        List.of(Map.entry("Content-Type", "application/json")), Json.bytes(Json.object().put("message", "Not Found"))),
                        Optional.empty(), List.of());
                return;
            }
            Deployment.Route route = match.get().route();
            Optional<ObjectNode> claims = Optional.empty();
            if (route.authorizer().isPresent()) {
                claims = bearerClaims(exchange.getRequestHeaders().getFirst("Authorization"));
                if (claims.isEmpty()) {
                    answer(exchange, started, method, path, Optional.of(route.routeKey()), new PayloadV2.Response(401,
                            List.of(Map.entry("Content-Type", "application/json"), Map.entry("www-authenticate", "Bearer")),
                            Json.bytes(Json.object().put("message", "Unauthorized"))), Optional.empty(), List.of());
                    return;
                }
            }
            Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
            PayloadV2.Request request = new PayloadV2.Request(method, path, uri.getRawQuery(), headers, body,
                    exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
            ObjectNode event = PayloadV2.event(request, match.get(), requestId(), clock.instant(), claims);
            Invocation invocation = functions.get(route.function()).invoke(Json.bytes(event));
            PayloadV2.Response response = invocation.output()
                    .map(PayloadV2::response)
                    .orElseGet(() -> new PayloadV2.Response(500, List.of(Map.entry("Content-Type", "application/json")), PayloadV2.internalError()));
            answer(exchange, started, method, path, Optional.of(route.routeKey()), response, invocation.failure(), invocation.effects());
        }
    }

    private void answer(HttpExchange exchange, long started, String method, String path, Optional<String> routeKey,
            PayloadV2.Response response, Optional<shop.local.functions.Failure> failure, List<String> effects) throws IOException {
        exchange.getResponseHeaders().set("apigw-requestid", requestId());
        response.headers().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        exchange.getResponseBody().write(response.body());
        Optional<String> errorBody = response.status() >= 400 ? Optional.of(new String(response.body(), StandardCharsets.UTF_8)) : Optional.empty();
        listener.accept(new ApiCall(method, path, routeKey, response.status(), Duration.ofNanos(System.nanoTime() - started), errorBody, failure,
                effects));
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
        return Base64.getEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)).substring(0, 16) + "=";
    }
}
