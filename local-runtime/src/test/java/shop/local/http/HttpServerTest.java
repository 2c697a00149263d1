package shop.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The local HTTP server over real sockets: malformed and stalled clients get a 4xx and a closed connection. */
class HttpServerTest {

    /** Short timeouts, so a stalled client is answered within the test; a small connection bound. */
    private static final HttpServer.Limits LIMITS = new HttpServer.Limits(
            Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(5), 8 * 1024, 100, 1024 * 1024, 24);

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), LIMITS, "test-http");
        server.start(request -> new HttpResponse(
                200,
                List.of(Map.entry("Content-Type", "text/plain"), Map.entry("X-Method", request.method())),
                request.body()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> malformed() {
        StringBuilder manyHeaders = new StringBuilder("GET / HTTP/1.1\r\nHost: local\r\n");
        for (int i = 0; i < 300; i++) {
            manyHeaders.append("X-Header-").append(i).append(": v\r\n");
        }
        manyHeaders.append("\r\n");
        String chunked = "POST / HTTP/1.1\r\nHost: local\r\nTransfer-Encoding: chunked\r\n\r\n";
        String post = "POST / HTTP/1.1\r\nHost: local\r\n";
        return Stream.of(
                Arguments.of("bad chunk size", chunked + "zz\r\nhello\r\n0\r\n\r\n", 400),
                Arguments.of("chunk longer than its size", chunked + "5\r\nhello, world\r\n0\r\n\r\n", 400),
                Arguments.of("chunked body cut off", chunked + "10\r\nhello", 408),
                Arguments.of("Content-Length longer than the body", post + "Content-Length: 100\r\n\r\nonly this", 408),
                Arguments.of("bare LF line endings", "GET / HTTP/1.1\nHost: local\n\n", 400),
                Arguments.of("hundreds of headers", manyHeaders.toString(), 431),
                Arguments.of(
                        "one header larger than the head limit",
                        "GET / HTTP/1.1\r\nX-Big: " + "a".repeat(10_000) + "\r\n\r\n",
                        431),
                Arguments.of(
                        "TLS client hello on the plain port",
                        "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u00fc\u0003\u0003",
                        400),
                Arguments.of("headers that never end", "GET / HTTP/1.1\r\nHost: local\r\n", 408),
                Arguments.of("malformed request line", "HELLO\r\n\r\n", 400),
                Arguments.of("absolute URL as target", "GET http://elsewhere/ HTTP/1.1\r\nHost: local\r\n\r\n", 400),
                Arguments.of("unknown protocol version", "GET / HTTP/2.0\r\nHost: local\r\n\r\n", 400),
                Arguments.of("folded header line", "GET / HTTP/1.1\r\nHost: local\r\n  folded\r\n\r\n", 400),
                Arguments.of("space before the colon", "GET / HTTP/1.1\r\nHost : local\r\n\r\n", 400),
                Arguments.of(
                        "Content-Length and Transfer-Encoding",
                        post + "Content-Length: 5\r\n" + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                        400),
                Arguments.of("Content-Length not a number", post + "Content-Length: 5x\r\n\r\nhello", 400),
                Arguments.of(
                        "conflicting Content-Lengths",
                        post + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n" + "hello!",
                        400),
                Arguments.of("body over the limit", post + "Content-Length: 99999999\r\n\r\n", 413));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedRequestIsAnswered4xxAndTheConnectionClosed(String name, String request, int status)
            throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();

            String answer = readUntilClosed(socket);

            assertThat(answer)
                    .startsWith("HTTP/1.1 " + status + " ")
                    .contains("Connection: close\r\n")
                    .contains("\"message\"");
        }
    }

    @Test
    void keptAliveConnectionServesRequestsOneAfterAnother() throws IOException {
        try (Socket socket = connect()) {
            String twice = "POST /a HTTP/1.1\r\nHost: local\r\nContent-Length: 5\r\n\r\nhello"
                    + "POST /b HTTP/1.1\r\nHost: local\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n"
                    + "GET /c HTTP/1.1\r\nHost: local\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(twice.getBytes(StandardCharsets.ISO_8859_1));

            String answers = readUntilClosed(socket);

            assertThat(answers.split("HTTP/1\\.1 200 OK", -1)).hasSize(4);
            assertThat(answers)
                    .contains(
                            "Content-Length: 5\r\n",
                            "\r\n\r\nhello",
                            "Content-Length: 6\r\n",
                            "abcdef",
                            "X-Method: GET");
        }
    }

    @Test
    void handlersOwnFramingHeadersAreReplacedByTheServers() throws IOException {
        List<Map.Entry<String, String>> own = List.of(
                Map.entry("Content-Length", "999"),
                Map.entry("date", "Thu, 01 Jan 1970 00:00:00 GMT"),
                Map.entry("CONNECTION", "keep-alive"),
                Map.entry("Transfer-Encoding", "chunked"),
                Map.entry("X-Kept", "yes"));
        try (HttpServer framing =
                HttpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), LIMITS, "test-framing")) {
            framing.start(request -> new HttpResponse(200, own, "hello".getBytes(StandardCharsets.ISO_8859_1)));
            try (Socket socket = new Socket(
                    InetAddress.getLoopbackAddress(), framing.address().getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream()
                        .write("GET / HTTP/1.1\r\nHost: local\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.ISO_8859_1));

                String answer = readUntilClosed(socket);

                String head =
                        answer.substring(0, answer.indexOf("\r\n\r\n") + 2).toLowerCase(Locale.ROOT);
                assertThat(head.split("\r\ncontent-length: ", -1)).hasSize(2);
                assertThat(head.split("\r\ndate: ", -1)).hasSize(2);
                assertThat(head.split("\r\nconnection: ", -1)).hasSize(2);
                assertThat(head)
                        .contains("\r\ncontent-length: 5\r\n", "\r\nconnection: close\r\n", "\r\nx-kept: yes\r\n")
                        .doesNotContain("transfer-encoding", "1970");
                assertThat(answer).endsWith("\r\n\r\nhello");
            }
        }
    }

    @Test
    void expectContinueIsAnsweredBeforeTheBodyIsSent() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write(("POST / HTTP/1.1\r\nHost: local\r\nExpect: 100-continue\r\n"
                                    + "Content-Length: 2\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            byte[] interim = new byte[25];
            int read = socket.getInputStream().readNBytes(interim, 0, interim.length);
            socket.getOutputStream().write("ok".getBytes(StandardCharsets.ISO_8859_1));

            assertThat(new String(interim, 0, read, StandardCharsets.ISO_8859_1))
                    .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 200 OK").endsWith("\r\n\r\nok");
        }
    }

    @Test
    void stalledClientsDoNotHoldUpOthers() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                Socket socket = connect();
                socket.getOutputStream()
                        .write("POST / HTTP/1.1\r\nHost: local\r\nContent-Length: 10\r\n\r\n"
                                .getBytes(StandardCharsets.ISO_8859_1));
                stalled.add(socket);
            }
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            URI uri = URI.create("http://localhost:" + server.address().getPort() + "/");
            var response = client.send(
                    HttpRequest.newBuilder(uri)
                            .POST(BodyPublishers.ofString("flowing"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("flowing");
            for (Socket socket : stalled) {
                assertThat(readUntilClosed(socket))
                        .as("the stalled client is cut off")
                        .startsWith("HTTP/1.1 408 ");
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void idleConnectionsAtTheBoundMakeRoomForANewClient() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < LIMITS.maxConnections(); i++) {
                Socket socket = connect();
                socket.getOutputStream()
                        .write("GET / HTTP/1.1\r\nHost: local\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                readResponse(socket); // answered: the connection now idles, kept alive, on its own thread
                held.add(socket);
            }
            try (Socket extra = connect()) {
                extra.getOutputStream()
                        .write("GET / HTTP/1.1\r\nHost: local\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.ISO_8859_1));

                assertThat(readUntilClosed(extra)).startsWith("HTTP/1.1 200 OK");
            }
            assertThat(readUntilClosed(held.get(0)))
                    .as("the longest idle connection was closed to make room")
                    .isEmpty();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** Reads one response with a Content-Length body off a kept-alive connection. */
    private static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            assertThat(c).as("a whole response head").isNotNegative();
            head.append((char) c);
        }
        int length = Integer.parseInt(head.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    private Socket connect() throws IOException {
        Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
        socket.setSoTimeout(10_000); // a test bound: the server answers well within it or the read fails the test
        return socket;
    }

    /** Everything the server sends until it closes the connection; a read timeout fails the test. */
    private static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            all.write(buffer, 0, n);
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
