package shop.local.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server for the local runtime's API and AWS stand-in: one thread per connection (up to a bound),
 * keep-alive, fixed-length and chunked request bodies, and a strict parser. Every malformed request is answered with a
 * 4xx (400, 408, 413 or 431) and the connection is closed; a client that stalls is cut off by read timeouts. At the
 * connection bound, the connection idle longest between requests is closed to make room, so idle clients cannot exhaust
 * it; if none is idle and none frees up within 5 s, the new connection is answered 503. A stalled client therefore
 * holds one connection thread, never a worker another client needs. Thread-safe.
 */
public final class HttpServer implements AutoCloseable {

    /** A request handler; called on the connection's thread. */
    @FunctionalInterface
    public interface Handler {
        HttpResponse handle(HttpRequest request) throws IOException;
    }

    /**
     * Bounds on what one client may hold or send.
     *
     * @param headerTimeout longest time from a request's first byte to the end of its headers
     * @param bodyTimeout longest time to receive a request's body
     * @param idleTimeout how long a kept-alive connection may wait for its next request
     * @param maxHeaderBytes request line and headers together, at most
     * @param maxHeaders header fields, at most
     * @param maxBodyBytes request body, at most
     * @param maxConnections connections open at once; see the class comment for what happens beyond
     */
    public record Limits(
            Duration headerTimeout,
            Duration bodyTimeout,
            Duration idleTimeout,
            int maxHeaderBytes,
            int maxHeaders,
            int maxBodyBytes,
            int maxConnections) {

        /** Generous for any real client, and small enough that stalled ones let go within seconds. */
        public static Limits defaults() {
            return new Limits(
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(30),
                    32 * 1024,
                    100,
                    10 * 1024 * 1024,
                    1024);
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** Headers {@link #write} sets itself: a handler's own values for them would repeat or contradict them. */
    private static final Set<String> OWN_HEADERS = Set.of("content-length", "date", "connection", "transfer-encoding");

    private final ServerSocket socket;
    private final Limits limits;
    private final String name;
    private final ExecutorService connections;
    private final Semaphore slots;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Connections waiting for their next request, with when they began to wait. */
    private final Map<Socket, Long> idle = new ConcurrentHashMap<>();

    private volatile Handler handler;
    private volatile boolean closed;

    private HttpServer(ServerSocket socket, Limits limits, String name) {
        this.socket = socket;
        this.limits = limits;
        this.name = name;
        AtomicInteger count = new AtomicInteger();
        this.slots = new Semaphore(limits.maxConnections());
        this.connections = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Binds {@code address} (port 0 for a free one); connections wait in the listen queue until {@link #start}.
     *
     * @param name names the server's threads
     */
    public static HttpServer bind(InetSocketAddress address, Limits limits, String name) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(address, 1024);
        return new HttpServer(socket, limits, name);
    }

    /** Starts answering with {@code handler}. */
    public void start(Handler requests) {
        if (handler != null) {
            throw new IllegalStateException("The server " + name + " is already started");
        }
        handler = requests;
        Thread acceptor = new Thread(this::accept, name + "-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** {@code http://<host>:<port>} of the bound address. */
    public URI uri(String host) {
        return URI.create("http://" + host + ":" + socket.getLocalPort());
    }

    /** Stops accepting and closes every connection. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the server " + name, e);
        } finally {
            open.forEach(HttpServer::closeQuietly);
            connections.shutdownNow();
        }
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue; // one failed accept (the client gave up) does not stop the server
            }
            try {
                if (!slots.tryAcquire()) {
                    evictLongestIdle();
                    if (!slots.tryAcquire(5, TimeUnit.SECONDS)) {
                        refuse(client);
                        continue;
                    }
                }
                client.setTcpNoDelay(true);
                connections.execute(() -> {
                    try {
                        serve(client);
                    } finally {
                        slots.release();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeQuietly(client);
                return;
            } catch (RejectedExecutionException | SocketException stopping) {
                closeQuietly(client);
            }
        }
    }

    /** Closes the connection that has waited longest for its next request; its thread then ends. */
    private void evictLongestIdle() {
        idle.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(longest -> {
            if (idle.remove(longest.getKey()) != null) {
                closeQuietly(longest.getKey());
            }
        });
    }

    /** Over the connection bound with nothing to evict: 503, then close. */
    private void refuse(Socket client) {
        try (client) {
            OutputStream out = client.getOutputStream();
            write(out, HttpResponse.problem(503, "Too many connections"), false, false);
            out.flush();
            client.shutdownOutput();
            drain(client.getInputStream(), client);
        } catch (IOException e) {
            // The client is gone: nothing to tell it.
        }
    }

    private void serve(Socket client) {
        open.add(client);
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(client.getOutputStream(), 16 * 1024);
            RequestReader reader = new RequestReader(in, client, limits);
            boolean keepAlive = true;
            while (keepAlive && !closed) {
                HttpRequest request;
                try {
                    idle.put(client, System.nanoTime());
                    request = reader.next(client.getInetAddress(), () -> idle.remove(client) != null);
                } catch (RequestReader.Malformed malformed) {
                    write(out, HttpResponse.problem(malformed.status(), malformed.getMessage()), false, false);
                    out.flush();
                    client.shutdownOutput();
                    drain(in, client);
                    return;
                }
                if (request == null) {
                    return; // closed or idle between requests
                }
                HttpResponse response;
                try {
                    response = handler.handle(request);
                } catch (RuntimeException | IOException fault) {
                    response = HttpResponse.problem(500, "The local runtime failed: " + fault);
                    keepAlive = false;
                }
                keepAlive = keepAlive && request.keepAlive();
                write(out, response, keepAlive, "HEAD".equals(request.method()));
                out.flush();
            }
        } catch (SocketTimeoutException | SocketException gone) {
            // Idle or vanished client: its connection is simply closed.
        } catch (IOException e) {
            // As above: a client that breaks the connection mid-answer gets nothing more.
        } finally {
            open.remove(client);
            idle.remove(client);
        }
    }

    /**
     * Reads what the client still sends, briefly, before the close: closing with unread bytes makes the kernel send a
     * reset, which can destroy the 4xx answer before the client reads it.
     */
    private static void drain(InputStream in, Socket client) {
        try {
            client.setSoTimeout(500);
            byte[] discard = new byte[8192];
            long left = 1024 * 1024;
            for (int n = in.read(discard); n > 0 && left > 0; n = in.read(discard)) {
                left -= n;
            }
        } catch (IOException e) {
            // Timed out or reset: the answer was sent; the connection closes now either way.
        }
    }

    private static void write(OutputStream out, HttpResponse response, boolean keepAlive, boolean head)
            throws IOException {
        StringBuilder head0 = new StringBuilder(256);
        head0.append("HTTP/1.1 ")
                .append(response.status())
                .append(' ')
                .append(HttpResponse.reason(response.status()))
                .append("\r\n");
        boolean typed = false;
        for (Map.Entry<String, String> header : response.headers()) {
            if (OWN_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            head0.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            typed |= header.getKey().equalsIgnoreCase("content-type");
        }
        if (!typed && response.body().length > 0) {
            head0.append("Content-Type: application/octet-stream\r\n");
        }
        head0.append("Date: ")
                .append(DATE.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
        head0.append("Content-Length: ").append(response.body().length).append("\r\n");
        if (!keepAlive) {
            head0.append("Connection: close\r\n");
        }
        head0.append("\r\n");
        out.write(head0.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(response.body());
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
