package shop.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * AWS on loopback for {@code AWS_ENDPOINT_URL}: records every call a function makes (operation and trace header) and
 * answers it with the least a successful call returns: PutEvents an event id per entry, DynamoDB {@code {}} (no
 * previous item, nothing returned), SES v2 a message id. Nothing is stored. Thread-safe.
 */
final class AwsRecorder implements AutoCloseable {

    /** One call as the function made it. */
    record Call(String operation, String traceHeader) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private AwsRecorder(HttpServer server) {
        this.server = server;
    }

    static AwsRecorder start() {
        try {
            System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            AwsRecorder recorder = new AwsRecorder(server);
            server.createContext("/", recorder::handle);
            server.setExecutor(recorder.threads);
            server.start();
            return recorder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the AWS recorder", e);
        }
    }

    URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort());
    }

    /** Every call so far, in arrival order. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target != null
                    ? target
                    : exchange.getRequestMethod() + " "
                            + exchange.getRequestURI().getPath();
            calls.add(new Call(operation, exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id")));
            String contentType = target == null
                    ? "application/json"
                    : target.startsWith("AWSEvents.") ? "application/x-amz-json-1.1" : "application/x-amz-json-1.0";
            reply(exchange, contentType, answer(operation, request));
        }
    }

    private static String answer(String operation, byte[] request) throws IOException {
        if (operation.equals("AWSEvents.PutEvents")) {
            JsonNode entries = JSON.readTree(request).path("Entries");
            ObjectNode answer = JSON.createObjectNode().put("FailedEntryCount", 0);
            for (int i = 0; i < entries.size(); i++) {
                answer.withArray("Entries").addObject().put("EventId", "recorded-" + i);
            }
            return answer.toString();
        }
        if (operation.startsWith("POST /v2/email/outbound-emails")) {
            return "{\"MessageId\":\"recorded\"}";
        }
        return "{}";
    }

    private static void reply(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("x-amzn-RequestId", "recorded");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
