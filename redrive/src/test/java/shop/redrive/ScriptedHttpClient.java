package shop.redrive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that opens no connection: it keeps each request the SDK built, body included, and answers every
 * one with the same status, headers and body, so an adapter is tested through the real marshalling and error mapping.
 */
final class ScriptedHttpClient implements SdkHttpClient {

    /** One request as the SDK would have sent it. */
    record Sent(SdkHttpRequest request, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    final List<Sent> sent = new ArrayList<>();
    private final int status;
    private final Map<String, String> headers;
    private final String body;

    ScriptedHttpClient(int status, Map<String, String> headers, String body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                byte[] content = request.contentStreamProvider()
                        .map(provider -> {
                            try (var in = provider.newStream()) {
                                return in.readAllBytes();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                        .orElse(new byte[0]);
                sent.add(new Sent(request.httpRequest(), content));
                byte[] answer = body.getBytes(StandardCharsets.UTF_8);
                SdkHttpResponse.Builder response = SdkHttpResponse.builder()
                        .statusCode(status)
                        .putHeader("Content-Length", Integer.toString(answer.length))
                        .putHeader("x-amzn-RequestId", "scripted");
                headers.forEach(response::putHeader);
                return HttpExecuteResponse.builder()
                        .response(response.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                        .build();
            }

            @Override
            public void abort() {
                // call() completes synchronously; nothing to abort.
            }
        };
    }

    @Override
    public String clientName() {
        return "Scripted";
    }

    @Override
    public void close() {
        // No connections.
    }
}
