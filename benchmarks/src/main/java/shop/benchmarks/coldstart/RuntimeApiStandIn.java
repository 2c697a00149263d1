package shop.benchmarks.coldstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lambda Runtime API on loopback for one cold start under the real runtime interface client: the first {@code next}
 * hands over the event and marks the end of Init (the runtime asks only once the handler is constructed), the response
 * or error of that invocation marks the first response; later {@code next} calls are left waiting, as Lambda leaves an
 * idle environment. Times are the driver's {@link System#nanoTime()} on arrival.
 */
final class RuntimeApiStandIn implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String REQUEST_ID = "00000000-0000-4000-8000-000000000001";

    /** What the runtime reported for the one invocation. */
    record Outcome(long initDoneAt, long answeredAt, boolean succeeded, String body) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "runtime-api-stand-in");
        thread.setDaemon(true);
        return thread;
    });
    private final byte[] event;
    private final AtomicInteger nextCalls = new AtomicInteger();
    private volatile long initDoneAt;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    RuntimeApiStandIn(byte[] event) throws IOException {
        this.event = event;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code host:port}, as {@code AWS_LAMBDA_RUNTIME_API} takes it. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Completes with the invocation's outcome, or with an init error's. */
    CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (path.equals("invocation/next")) {
            if (nextCalls.getAndIncrement() > 0) {
                return; // an idle environment: the runtime waits here until the driver ends it
            }
            initDoneAt = arrived;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", REQUEST_ID);
            exchange.getResponseHeaders()
                    .add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
            exchange.getResponseHeaders()
                    .add(
                            "Lambda-Runtime-Invoked-Function-Arn",
                            "arn:aws:lambda:eu-west-1:000000000000:function:benchmark");
            exchange.getResponseHeaders()
                    .add(
                            "Lambda-Runtime-Trace-Id",
                            "Root=1-00000000-000000000000000000000001;Parent=0000000000000001;Sampled=0");
            answer(exchange, 200, event);
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (path.equals("invocation/" + REQUEST_ID + "/response")) {
            outcome.complete(new Outcome(initDoneAt, arrived, true, text));
        } else if (path.equals("invocation/" + REQUEST_ID + "/error") || path.equals("init/error")) {
            outcome.complete(new Outcome(initDoneAt, arrived, false, path + ": " + text));
        }
        answer(exchange, 202, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
