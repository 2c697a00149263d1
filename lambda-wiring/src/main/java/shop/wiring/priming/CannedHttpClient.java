package shop.wiring.priming;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that never opens a connection: it reads each request the SDK marshalled and signed, and answers
 * {@code 200} with one canned JSON body. SnapStart priming builds a second SDK client on it, so the marshalling,
 * signing, endpoint-rule and parsing code of a real call is loaded and run before the snapshot without any network.
 * Thread-safe.
 */
public final class CannedHttpClient implements SdkHttpClient {

    private final byte[] body;
    private final String contentType;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private CannedHttpClient(String body, String contentType) {
        this.body = body.getBytes(StandardCharsets.UTF_8);
        this.contentType = contentType;
    }

    /** Answers every request with {@code json}, as a service of the AWS JSON protocols would. */
    public static CannedHttpClient answering(String json) {
        return new CannedHttpClient(json, "application/x-amz-json-1.0");
    }

    /**
     * Each request answered so far, as {@code X-Amz-Target} (JSON-protocol services) or {@code METHOD path} (REST
     * services such as SES v2), so tests can see what priming exercised.
     */
    public List<String> requests() {
        return List.copyOf(seen);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                // Reading the body runs the SDK's content stream as a real client would (checksums, length).
                request.contentStreamProvider().ifPresent(provider -> drain(provider.newStream()));
                seen.add(request.httpRequest()
                        .firstMatchingHeader("X-Amz-Target")
                        .orElse(request.httpRequest().method() + " "
                                + request.httpRequest().encodedPath()));
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder()
                                .statusCode(200)
                                .putHeader("Content-Type", contentType)
                                .putHeader("Content-Length", Integer.toString(body.length))
                                .putHeader("x-amzn-RequestId", "priming")
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
                // Nothing is in flight: call() completes synchronously.
            }
        };
    }

    @Override
    public String clientName() {
        return "Canned";
    }

    @Override
    public void close() {
        // No connections, no threads.
    }

    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request the SDK built", e);
        }
    }
}
