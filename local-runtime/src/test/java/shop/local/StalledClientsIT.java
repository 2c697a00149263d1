package shop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.local.http.HttpServer;

/** Sixteen clients that connect, send part of a request and stall hold no worker: orders keep flowing meanwhile. */
class StalledClientsIT {

    @TempDir
    Path data;

    @Test
    void ordersFlowWhileSixteenStalledClientsHoldConnections() throws Exception {
        // Timeouts far beyond the test, so the stalled clients are certainly still connected while the orders go.
        HttpServer.Limits patient = new HttpServer.Limits(
                Duration.ofMinutes(10),
                Duration.ofMinutes(10),
                Duration.ofMinutes(10),
                32 * 1024,
                100,
                1024 * 1024,
                256);
        LocalRuntime.Settings.Builder settings =
                LocalRuntime.Settings.of(LocalSystem.template()).httpLimits(patient);
        try (LocalSystem system = LocalSystem.start(settings, data)) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    Socket socket =
                            new Socket("localhost", system.runtime.apiUri().getPort());
                    String head = i % 2 == 0
                            ? "POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            : "POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 500\r\n\r\n{\"partial\":";
                    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    stalled.add(socket);
                }

                List<HttpResponse<String>> responses = new ArrayList<>();
                for (int order = 0; order < 3; order++) {
                    responses.add(system.post(LocalSystem.request("api-gateway/post-order-rewards-signup.json")));
                }
                system.awaitSettled();

                assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(202);
                assertThat(system.items("ShipmentsTable")).hasSize(3);
                for (Socket socket : stalled) {
                    // Still connected and unanswered: the read waits out its timeout rather than reading the end of
                    // the stream (the server closed it) or an answer (the server gave up on the request).
                    socket.setSoTimeout(200);
                    assertThatThrownBy(() -> socket.getInputStream().read())
                            .as("the server still waits for the stalled request")
                            .isInstanceOf(SocketTimeoutException.class);
                }
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
        }
    }
}
