package shop.checkout.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import shop.events.EventJson;

/**
 * A misbehaving EventBridge on a loopback port, for a real SDK client to talk to over real sockets: each PutEvents call
 * it receives is answered by the next {@link Behaviour} of its script (accepting once the script runs out), so a test
 * can make the bus throttle, fail entries, stall or reset the connection.
 *
 * <p>It keeps what it "accepted" (committed) separately from what it answered: a stall or reset may come after the
 * commit, as when the bus took the event but its answer was lost. Thread-safe.
 */
public final class LoopbackBus implements AutoCloseable {

    /** What the bus does with one PutEvents call. */
    public sealed interface Behaviour {}

    /** Takes the entry and says so. */
    public record Accept() implements Behaviour {}

    /** HTTP 200 with the entry failed, as PutEvents reports per-entry failures. */
    public record EntryFails(String errorCode) implements Behaviour {}

    /** The whole call fails: an AWS JSON error with this status and {@code __type}. */
    public record CallFails(int status, String errorType) implements Behaviour {}

    /** Reads the request and never answers, holding the connection open; {@code committed}: took the entry first. */
    public record Stall(boolean committed) implements Behaviour {}

    /** Reads the request and resets the connection (TCP RST); {@code committed}: took the entry first. */
    public record Reset(boolean committed) implements Behaviour {}

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loopback-bus");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<Behaviour> script;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<JsonNode> committed = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private LoopbackBus(ServerSocket server, List<Behaviour> script) {
        this.server = server;
        this.script = new ArrayDeque<>(script);
    }

    /** Listens on a free loopback port and answers calls by {@code script}, then accepts. */
    public static LoopbackBus start(List<Behaviour> script) {
        try {
            LoopbackBus bus = new LoopbackBus(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
            bus.connections.execute(bus::acceptLoop);
            return bus;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on a loopback port", e);
        }
    }

    /** The endpoint to hand the SDK client as {@code AWS_ENDPOINT_URL}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Each PutEvents call received, named by the behaviour that answered it, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The details of every entry the bus took, duplicates included. */
    public List<JsonNode> committed() {
        return List.copyOf(committed);
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the loopback bus", e);
        } finally {
            connections.shutdownNow();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                connections.execute(() -> serve(socket));
            } catch (SocketException closedWhileWaiting) {
                return; // close() was called
            } catch (IOException e) {
                throw new UncheckedIOException("Loopback bus accept failed", e);
            }
        }
    }

    /** Serves one connection: HTTP/1.1 keep-alive, so several calls may come over it. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                byte[] body = readRequest(in);
                if (body == null) {
                    return; // the client closed the connection
                }
                Behaviour behaviour = next();
                calls.add(name(behaviour));
                if (!answer(behaviour, socket, out, EventJson.mapper().readTree(body))) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client gave up on the connection (its timeout fired, or the test ended): nothing left to serve.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers one call; false when the connection must not be used again. */
    private boolean answer(Behaviour behaviour, Socket socket, OutputStream out, JsonNode request)
            throws IOException, InterruptedException {
        if (behaviour instanceof EntryFails fails) {
            ObjectNode response = EventJson.mapper().createObjectNode().put("FailedEntryCount", 1);
            response.putArray("Entries")
                    .addObject()
                    .put("ErrorCode", fails.errorCode())
                    .put("ErrorMessage", fails.errorCode() + " from the loopback bus");
            respond(out, 200, response);
            return true;
        }
        if (behaviour instanceof CallFails fails) {
            respond(
                    out,
                    fails.status(),
                    EventJson.mapper()
                            .createObjectNode()
                            .put("__type", fails.errorType())
                            .put("message", fails.errorType() + " from the loopback bus"));
            return true;
        }
        if (behaviour instanceof Stall stall) {
            if (stall.committed()) {
                commit(request);
            }
            closed.await(); // held until the test closes the bus; the client's timeout gives up first
            return false;
        }
        if (behaviour instanceof Reset reset) {
            if (reset.committed()) {
                commit(request);
            }
            socket.setSoLinger(true, 0); // close with RST, as a crashed peer or a dropped NAT entry does
            return false;
        }
        commit(request);
        ObjectNode response = EventJson.mapper().createObjectNode().put("FailedEntryCount", 0);
        response.putArray("Entries")
                .addObject()
                .put("EventId", UUID.randomUUID().toString());
        respond(out, 200, response);
        return true;
    }

    private synchronized Behaviour next() {
        return script.isEmpty() ? new Accept() : script.removeFirst();
    }

    private void commit(JsonNode request) throws JsonProcessingException {
        for (JsonNode entry : request.path("Entries")) {
            committed.add(EventJson.mapper().readTree(entry.path("Detail").asText()));
        }
    }

    private static void respond(OutputStream out, int status, JsonNode body) throws IOException {
        byte[] bytes = EventJson.mapper().writeValueAsBytes(body);
        String head = "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Error") + "\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + "x-amzn-RequestId: " + UUID.randomUUID() + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** The body of the next request on the connection, or null at end of stream. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int next;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && (next = in.read()) != -1) {
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        if (matched < 4) {
            return null;
        }
        int length = 0;
        List<String> lines =
                new ArrayList<>(List.of(head.toString(StandardCharsets.US_ASCII).split("\r\n")));
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return in.readNBytes(length);
    }

    private static String name(Behaviour behaviour) {
        if (behaviour instanceof EntryFails fails) {
            return "entry " + fails.errorCode();
        }
        if (behaviour instanceof CallFails fails) {
            return fails.status() + " " + fails.errorType();
        }
        if (behaviour instanceof Stall stall) {
            return stall.committed() ? "stall after commit" : "stall";
        }
        if (behaviour instanceof Reset reset) {
            return reset.committed() ? "reset after commit" : "reset";
        }
        return "accept";
    }
}
