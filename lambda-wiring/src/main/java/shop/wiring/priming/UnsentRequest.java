package shop.wiring.priming;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The part of a real call that priming through {@link CannedHttpClient} skips: the URL-connection client preparing a
 * request (which creates the JDK's connection object but does not connect) and the default TLS context (trust store and
 * all). Done before the snapshot, so the first real call after a restore only connects. Opens no connection.
 */
public final class UnsentRequest {

    private UnsentRequest() {}

    /** Prepares and abandons one request to {@code endpoint}, and initialises the default TLS context. */
    public static void prepare(URI endpoint) {
        try (SdkHttpClient client = UrlConnectionHttpClient.builder().build()) {
            ExecutableHttpRequest request = client.prepareRequest(HttpExecuteRequest.builder()
                    .request(SdkHttpRequest.builder()
                            .uri(endpoint)
                            .method(SdkHttpMethod.POST)
                            .putHeader("Content-Type", "application/x-amz-json-1.1")
                            .build())
                    .build());
            request.abort();
            SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            // Every JDK has a default TLS context; without one no AWS call could work either.
            throw new IllegalStateException("No default TLS context", e);
        }
    }
}
