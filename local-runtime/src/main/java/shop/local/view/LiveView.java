package shop.local.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import shop.choreography.map.ChoreographyMap;
import shop.choreography.map.SvgMap;
import shop.local.ApiReplay;
import shop.local.LocalRuntime;
import shop.local.bus.Redrive;
import shop.local.functions.LambdaFunction;
import shop.local.json.Json;

/**
 * The live view of a {@link LocalRuntime} in a browser, served on its own port of the loopback interface: the
 * template's choreography map with counters, a feed of orders (Server-Sent Events, replaying what the ledger already
 * holds), placing an order, redriving dead letters and a fault switch per subscriber. Page, style and script are
 * resources of this jar. Thread-safe.
 */
public final class LiveView implements AutoCloseable {

    /** Where the page lives on the view's port. */
    public static final String PATH = "/view/";

    /** Highest count the fault switch takes: enough for every retry of a few orders, not a typo's millions. */
    static final int MAX_FAULTS = 100;

    private static final Map<String, String> ASSETS = Map.of(
            "", "text/html; charset=utf-8",
            "view.css", "text/css; charset=utf-8",
            "view.js", "text/javascript; charset=utf-8");

    private final LocalRuntime runtime;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService ticker;
    private final FeedStream stream;
    private final String map;

    private LiveView(LocalRuntime runtime, HttpServer server) {
        this.runtime = runtime;
        this.server = server;
        this.map = SvgMap.render(
                ChoreographyMap.from(runtime.deployment().template()),
                "Generated from " + runtime.deployment().templateFile().getFileName() + " with live counters");
        this.stream = new FeedStream(new OrderFeed(runtime));
        this.handlers = Executors.newCachedThreadPool(task -> daemon(task, "live-view"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "live-view-feed"));
    }

    /**
     * Serves the view of {@code runtime} on {@code port} of localhost (0 for a free one).
     *
     * @throws UncheckedIOException when the port cannot be bound, naming it
     */
    public static LiveView start(LocalRuntime runtime, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot serve the live view on port " + port + "; give another with --view-port", e);
        }
        LiveView view = new LiveView(runtime, server);
        server.setExecutor(view.handlers);
        server.createContext(PATH, view::handle);
        server.start();
        // The feed is pushed, not polled by the page: a change reaches every open page within this period.
        view.ticker.scheduleWithFixedDelay(view.stream::tick, 250, 250, TimeUnit.MILLISECONDS);
        return view;
    }

    /** The page's address. */
    public URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + PATH);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(PATH.length());
        String method = exchange.getRequestMethod();
        try {
            if (method.equals("GET") && ASSETS.containsKey(name)) {
                asset(exchange, name.isEmpty() ? "index.html" : name, ASSETS.get(name));
            } else if (method.equals("GET") && name.equals("map.svg")) {
                send(exchange, 200, "image/svg+xml; charset=utf-8", map.getBytes(StandardCharsets.UTF_8));
            } else if (method.equals("GET") && name.equals("stream")) {
                stream.serve(exchange);
            } else if (method.equals("GET") && name.equals("samples")) {
                json(exchange, 200, samples());
            } else if (method.equals("POST")
                    && List.of("orders", "redrive", "faults").contains(name)) {
                post(exchange, name);
            } else {
                json(exchange, 404, problem("No " + method + " " + PATH + name + " in the live view"));
            }
        } catch (BadRequest e) {
            json(exchange, 400, problem(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            json(exchange, 503, problem("The live view is stopping"));
        } finally {
            exchange.close();
        }
    }

    private void post(HttpExchange exchange, String name) throws IOException, InterruptedException {
        // Only a page's script sends JSON: a form another site posts to localhost cannot, and gets 415.
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                .orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            json(exchange, 415, problem("Send application/json, not '" + type + "'"));
            return;
        }
        JsonNode body = body(exchange);
        switch (name) {
            case "orders" -> {
                if (!body.isObject()) {
                    throw new BadRequest("An order is an API Gateway v2 request: a JSON object");
                }
                // Sent to the API as any client would send it: the page's order is an ordinary request.
                ApiReplay.Answer answer = ApiReplay.exchange(runtime.apiUri(), body);
                json(exchange, 200, Json.object().put("status", answer.status()).put("body", answer.body()));
            }
            case "redrive" -> {
                String function = subscriber(body.path("function").asText(""));
                Redrive.Result result = runtime.redrive(Optional.of(function));
                ObjectNode answer = Json.object();
                result.eventIds().forEach(answer.putArray("eventIds")::add);
                result.skipped().forEach(answer.putArray("skipped")::add);
                json(exchange, 200, answer);
            }
            default -> {
                String function = subscriber(body.path("function").asText(""));
                JsonNode count = body.path("count");
                if (!count.isInt() || count.asInt() < 0 || count.asInt() > MAX_FAULTS) {
                    throw new BadRequest("count must be a whole number from 0 to " + MAX_FAULTS + ", not " + count);
                }
                LambdaFunction loaded = runtime.functions().get(function);
                loaded.failNext(count.asInt());
                json(
                        exchange,
                        200,
                        Json.object().put("function", function).put("faultsArmed", loaded.injectedFailuresLeft()));
            }
        }
    }

    /** A function some rule targets; the page acts on subscribers only. */
    private String subscriber(String name) {
        boolean known = runtime.deployment().subscriptions().stream()
                .anyMatch(s -> s.function().equals(name));
        if (!known) {
            throw new BadRequest("No subscriber named '" + name + "'; subscribers are "
                    + runtime.deployment().subscriptions().stream()
                            .map(s -> s.function())
                            .distinct()
                            .toList());
        }
        return name;
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(1_000_001);
        }
        if (bytes.length > 1_000_000) {
            throw new BadRequest("The body is over 1 MB");
        }
        try {
            return Json.parse(bytes);
        } catch (JsonProcessingException e) {
            throw new BadRequest("The body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The API Gateway samples beside the template, by file name, to place from the page. */
    private ArrayNode samples() throws IOException {
        ArrayNode list = Json.mapper().createArrayNode();
        Path folder =
                runtime.deployment().templateFile().toAbsolutePath().getParent().resolve("events/api-gateway");
        if (!Files.isDirectory(folder)) {
            return list;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try {
                    list.addObject()
                            .put("name", file.getFileName().toString())
                            .set("request", Json.parse(Files.readAllBytes(file)));
                } catch (JsonProcessingException e) {
                    // A sample that is not JSON is not offered; the samples' own tests say why.
                }
            }
        }
        return list;
    }

    private static void asset(HttpExchange exchange, String file, String type) throws IOException {
        try (InputStream in = LiveView.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("The live view's " + file + " is missing from the jar");
            }
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    private static ObjectNode problem(String message) {
        return Json.object().put("message", message);
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json", Json.bytes(body));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops serving; open pages see their stream end. */
    @Override
    public void close() {
        ticker.shutdownNow();
        stream.close();
        server.stop(0);
        handlers.shutdownNow();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** A request the view refuses, with the reason the page shows. */
    private static final class BadRequest extends IllegalArgumentException {
        BadRequest(String message) {
            super(message);
        }
    }
}
