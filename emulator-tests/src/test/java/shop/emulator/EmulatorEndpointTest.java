package shop.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmulatorEndpointTest {

    @Test
    void nothingAnsweringFailsNamingTheEndpoint() throws IOException {
        // Arrange: a loopback port that was free a moment ago and has no listener now.
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + port;

        // Act + Assert
        assertThatThrownBy(() -> EmulatorEndpoint.fromEnvironment(Map.of("AWS_ENDPOINT_URL", endpoint)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No AWS emulator answers at " + endpoint)
                .hasMessageContaining("AWS_ENDPOINT_URL");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answeringServers")
    void emulatorIsRecognisedByThePathOnlyItAnswers(String scenario, String answeredPath, Emulator expected)
            throws IOException {
        // Arrange: an in-process HTTP server on loopback answering one path, 404 elsewhere.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals(answeredPath) ? 200 : 404, -1);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

            // Act
            EmulatorEndpoint endpoint = EmulatorEndpoint.probe(uri);

            // Assert
            assertThat(endpoint.emulator()).isEqualTo(expected);
            assertThat(endpoint.uri()).isEqualTo(uri);
        } finally {
            server.stop(0);
        }
    }

    static Stream<Arguments> answeringServers() {
        return Stream.of(
                Arguments.of("moto answers its config", "/moto-api/config", Emulator.MOTO),
                Arguments.of("LocalStack answers its health", "/_localstack/health", Emulator.LOCALSTACK));
    }

    @Test
    void somethingElseAnsweringFailsNamingTheEndpointAndWhatItSaid() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();

            assertThatThrownBy(() -> EmulatorEndpoint.probe(URI.create(endpoint)))
                    .hasMessageContaining("Something answers at " + endpoint)
                    .hasMessageContaining("GET /moto-api/config -> HTTP 404");
        } finally {
            server.stop(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configuredEndpoints")
    void endpointComesFromAwsEndpointUrlElseLocalStacksDefault(
            String scenario, Map<String, String> environment, URI expected) {
        assertThat(EmulatorEndpoint.configured(environment)).isEqualTo(expected);
    }

    static Stream<Arguments> configuredEndpoints() {
        return Stream.of(
                Arguments.of("unset means LocalStack's edge port", Map.of(), URI.create("http://localhost:4566")),
                Arguments.of(
                        "blank means LocalStack's edge port",
                        Map.of("AWS_ENDPOINT_URL", " "),
                        URI.create("http://localhost:4566")),
                Arguments.of(
                        "moto on a chosen port",
                        Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5123"),
                        URI.create("http://127.0.0.1:5123")));
    }
}
