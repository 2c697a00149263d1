package shop.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Lambda Runtime API (version 2018-06-01) on loopback, as far as a runtime client uses it: {@code next} hands out
 * the invocations queued with {@link #invoke}, with the request id, deadline, function ARN and trace id headers Lambda
 * sends; {@code response} and {@code error} complete them; {@code init/error} fails every waiting invocation. A
 * {@code next} with nothing queued waits, as Lambda leaves an idle environment waiting. Each outcome carries when the
 * runtime asked for its invocation and when it answered ({@link System#nanoTime()} on arrival), so the cold-start
 * benchmark times Init and the first invocation on the same stand-in runtime-checks judges the output with.
 * Thread-safe.
 */
public final class RuntimeApi implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    /**
     * What a runtime reported for one invocation: its response body, or the error it posted.
     *
     * @param askedAt when the {@code next} call that received the invocation arrived: for a fresh runtime's first
     *     invocation, the end of Init (the runtime asks only once the handler is constructed)
     * @param answeredAt when the response or error arrived
     */
    public record Outcome(boolean succeeded, String body, long askedAt, long answeredAt) {}

    private record Invocation(String requestId, String traceHeader, String event) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Long> askedAt = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final String functionArn;

    private RuntimeApi(HttpServer server, String functionArn) {
        this.server = server;
        this.functionArn = functionArn;
    }

    /** Starts on a free loopback port, for the function named {@code functionName} in its ARN. */
    public static RuntimeApi start(String functionName) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RuntimeApi api = new RuntimeApi(server, "arn:aws:lambda:eu-west-1:123456789012:function:" + functionName);
            server.createContext(PREFIX, api::handle);
            // 'next' is a long poll that holds its thread; the answers must never queue behind it.
            server.setExecutor(api.threads);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake Runtime API", e);
        }
    }

    /** {@code host:port}, as {@code AWS_LAMBDA_RUNTIME_API} takes it. */
    public String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /**
     * Queues one invocation and waits for its outcome, at most {@code timeout}; fails fast if the runtime reported an
     * init error or {@code runtime} ended.
     */
    public Outcome invoke(String requestId, String traceHeader, String event, Duration timeout, Process runtime)
            throws InterruptedException, TimeoutException {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        outcomes.put(requestId, outcome);
        queued.add(new Invocation(requestId, traceHeader, event));
        CompletableFuture<Object> firstEnd = CompletableFuture.anyOf(
                outcome,
                initError,
                runtime.onExit().thenApply(ended -> "the runtime exited with " + ended.exitValue()));
        try {
            Object ended = firstEnd.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (ended instanceof Outcome result) {
                return result;
            }
            throw new IllegalStateException("Invocation " + requestId + " did not complete: " + ended);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Invocation " + requestId + " failed", e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange, arrived);
            } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                complete(path, "/response", true, body, arrived);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                complete(path, "/error", false, body, arrived);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.equals("init/error")) {
                initError.complete("init error: " + body);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"unknown path " + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange, long arrived) throws IOException {
        Invocation invocation;
        try {
            invocation = queued.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        askedAt.put(invocation.requestId(), arrived);
        var headers = exchange.getResponseHeaders();
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.add("Lambda-Runtime-Trace-Id", invocation.traceHeader());
        reply(exchange, 200, invocation.event());
    }

    private void complete(String path, String suffix, boolean succeeded, String body, long arrived) {
        String requestId = path.substring("invocation/".length(), path.length() - suffix.length());
        CompletableFuture<Outcome> waiting = outcomes.get(requestId);
        Long asked = askedAt.get(requestId);
        if (waiting == null || asked == null) {
            initError.complete("the runtime answered unknown invocation " + requestId);
        } else {
            waiting.complete(new Outcome(succeeded, body, asked, arrived));
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
