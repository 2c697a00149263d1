package shop.local.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Reads requests off one connection, strictly: CRLF line endings only, a well-formed request line, header fields
 * without folding or space before the colon, bounded counts and sizes, one unambiguous body length, and chunked bodies
 * as RFC 9112 frames them. Whatever breaks a rule is a {@link Malformed} carrying the status to answer.
 */
final class RequestReader {

    /** A request that cannot be served; the connection is answered {@link #status()} and closed. */
    static final class Malformed extends Exception {
        private final int status;

        Malformed(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private static final int TLS_HANDSHAKE = 0x16;
    private static final int MAX_CHUNK_LINE = 1024;

    private final InputStream in;
    private final Socket socket;
    private final HttpServer.Limits limits;
    private long deadline;

    RequestReader(InputStream in, Socket socket, HttpServer.Limits limits) {
        this.in = in;
        this.socket = socket;
        this.limits = limits;
    }

    /**
     * The next request, or null when the client closed the connection, left it idle too long, or the server took the
     * idle connection back.
     *
     * @param busy called when the request's first byte arrives; false when the server has taken the connection back
     */
    HttpRequest next(InetAddress remote, BooleanSupplier busy) throws IOException, Malformed {
        socket.setSoTimeout(millis(limits.idleTimeout()));
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException | SocketException idle) {
            return null;
        }
        if (first < 0 || !busy.getAsBoolean()) {
            return null;
        }
        if (first == TLS_HANDSHAKE) {
            throw new Malformed(400, "This port speaks plain HTTP, not TLS: use http://, not https://");
        }
        deadline = System.nanoTime() + limits.headerTimeout().toNanos();
        socket.setSoTimeout(millis(limits.headerTimeout()));
        int[] budget = {limits.maxHeaderBytes()};
        String tooLarge = "Request line and headers exceed " + limits.maxHeaderBytes() + " bytes";
        String requestLine = line(first, budget, 431, tooLarge);
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[0].chars().allMatch(RequestReader::isTokenChar)) {
            throw new Malformed(400, "Malformed request line");
        }
        String method = parts[0];
        String target = parts[1];
        String version = parts[2];
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new Malformed(400, "Unsupported protocol version " + printable(version));
        }
        if (!target.startsWith("/") || target.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new Malformed(400, "The request target must be a path starting with '/'");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String header = line(read(), budget, 431, tooLarge);
                !header.isEmpty();
                header = line(read(), budget, 431, tooLarge)) {
            if (headers.size() == limits.maxHeaders()) {
                throw new Malformed(431, "More than " + limits.maxHeaders() + " header fields");
            }
            headers.add(field(header));
        }
        boolean keepAlive = keepAlive(version, headers);
        byte[] body = body(headers);
        int query = target.indexOf('?');
        String rawPath = query < 0 ? target : target.substring(0, query);
        String rawQuery = query < 0 ? null : target.substring(query + 1);
        return new HttpRequest(method, rawPath, rawQuery, version, List.copyOf(headers), body, remote, keepAlive);
    }

    private byte[] body(List<Map.Entry<String, String>> headers) throws IOException, Malformed {
        List<String> lengths = values(headers, "content-length");
        List<String> encodings = values(headers, "transfer-encoding");
        if (!encodings.isEmpty() && !lengths.isEmpty()) {
            throw new Malformed(400, "Both Transfer-Encoding and Content-Length: the body's length is ambiguous");
        }
        if (!encodings.isEmpty()) {
            if (encodings.size() != 1 || !encodings.get(0).trim().equalsIgnoreCase("chunked")) {
                throw new Malformed(400, "Only Transfer-Encoding: chunked is supported");
            }
            expectContinue(headers);
            return chunked();
        }
        if (lengths.isEmpty()) {
            return new byte[0];
        }
        String length = lengths.get(0).trim();
        if (lengths.stream().anyMatch(other -> !other.trim().equals(length))
                || length.isEmpty()
                || length.length() > 12
                || !length.chars().allMatch(Character::isDigit)) {
            throw new Malformed(400, "Invalid Content-Length");
        }
        long size = Long.parseLong(length);
        if (size > limits.maxBodyBytes()) {
            throw new Malformed(413, "The body exceeds " + limits.maxBodyBytes() + " bytes");
        }
        expectContinue(headers);
        startBody();
        return exactly((int) size);
    }

    private void expectContinue(List<Map.Entry<String, String>> headers) throws IOException {
        if (values(headers, "expect").stream().anyMatch(value -> value.trim().equalsIgnoreCase("100-continue"))) {
            socket.getOutputStream().write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }
    }

    private void startBody() throws IOException {
        deadline = System.nanoTime() + limits.bodyTimeout().toNanos();
        socket.setSoTimeout(millis(limits.bodyTimeout()));
    }

    private byte[] chunked() throws IOException, Malformed {
        startBody();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int[] budget = {MAX_CHUNK_LINE};
            String sizeLine = line(read(), budget, 400, "Chunk size line too long");
            int extension = sizeLine.indexOf(';');
            String hex = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim();
            if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new Malformed(400, "Malformed chunk size '" + printable(hex) + "'");
            }
            long size = Long.parseLong(hex, 16);
            if (body.size() + size > limits.maxBodyBytes()) {
                throw new Malformed(413, "The body exceeds " + limits.maxBodyBytes() + " bytes");
            }
            if (size == 0) {
                int[] trailers = {limits.maxHeaderBytes()};
                while (!line(read(), trailers, 431, "Trailers too large").isEmpty()) {
                    // trailer fields are read and dropped
                }
                return body.toByteArray();
            }
            body.write(exactly((int) size));
            if (read() != '\r' || read() != '\n') {
                throw new Malformed(400, "A chunk is longer than its size says, or misses its CRLF");
            }
        }
    }

    private byte[] exactly(int size) throws IOException, Malformed {
        byte[] bytes = new byte[size];
        int done = 0;
        while (done < size) {
            checkDeadline();
            int n;
            try {
                n = in.read(bytes, done, size - done);
            } catch (SocketTimeoutException stalled) {
                throw new Malformed(
                        408, "The body did not arrive in time: " + done + " of " + size + " bytes received");
            }
            if (n < 0) {
                throw new Malformed(400, "The connection ended after " + done + " of " + size + " body bytes");
            }
            done += n;
        }
        return bytes;
    }

    /** One CRLF-terminated line starting with {@code first}; a bare LF, a lone CR or a NUL is refused. */
    private String line(int first, int[] budget, int tooLongStatus, String tooLong) throws IOException, Malformed {
        StringBuilder line = new StringBuilder();
        int c = first;
        while (true) {
            if (c < 0) {
                throw new Malformed(400, "The connection ended inside the request head");
            }
            if (--budget[0] < 0) {
                throw new Malformed(tooLongStatus, tooLong);
            }
            if (c == '\n') {
                throw new Malformed(400, "Bare LF line ending: HTTP lines end with CRLF");
            }
            if (c == '\r') {
                if (read() != '\n') {
                    throw new Malformed(400, "CR not followed by LF");
                }
                budget[0]--;
                return line.toString();
            }
            if (c == 0) {
                throw new Malformed(400, "NUL byte in the request head");
            }
            line.append((char) c);
            c = read();
        }
    }

    private int read() throws IOException, Malformed {
        checkDeadline();
        try {
            return in.read();
        } catch (SocketTimeoutException stalled) {
            throw new Malformed(408, "The request did not arrive in time");
        }
    }

    private void checkDeadline() throws Malformed {
        if (System.nanoTime() > deadline) {
            throw new Malformed(408, "The request did not arrive in time");
        }
    }

    private static Map.Entry<String, String> field(String line) throws Malformed {
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            throw new Malformed(400, "Folded header lines are not allowed");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new Malformed(400, "Malformed header field");
        }
        String name = line.substring(0, colon);
        if (!name.chars().allMatch(RequestReader::isTokenChar)) {
            throw new Malformed(400, "Malformed header name '" + printable(name) + "'");
        }
        return Map.entry(name, line.substring(colon + 1).strip());
    }

    private static boolean keepAlive(String version, List<Map.Entry<String, String>> headers) {
        List<String> connection = values(headers, "connection").stream()
                .map(v -> v.toLowerCase(Locale.ROOT))
                .toList();
        if (version.equals("HTTP/1.0")) {
            return connection.stream().anyMatch(v -> v.contains("keep-alive"));
        }
        return connection.stream().noneMatch(v -> v.contains("close"));
    }

    private static List<String> values(List<Map.Entry<String, String>> headers, String name) {
        return headers.stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** RFC 9110 tchar. */
    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }
}
