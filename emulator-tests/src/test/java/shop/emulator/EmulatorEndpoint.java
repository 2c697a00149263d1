package shop.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the emulator listens and which one it is, found by asking it. Nothing answering is a failure that names the
 * endpoint: an integration suite that skips when its emulator is down has proved nothing.
 */
public record EmulatorEndpoint(URI uri, Emulator emulator) {

    /** The variable the SDK, the handlers and this suite all read the endpoint from. */
    public static final String VARIABLE = "AWS_ENDPOINT_URL";

    /** LocalStack's edge port, the usual endpoint when none is given. */
    public static final URI DEFAULT = URI.create("http://localhost:4566");

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    /** The endpoint named by {@code AWS_ENDPOINT_URL} in {@code environment}, or {@link #DEFAULT}; then probed. */
    public static EmulatorEndpoint fromEnvironment(Map<String, String> environment) {
        return probe(configured(environment));
    }

    /** The endpoint {@code environment} names, or {@link #DEFAULT} when it names none. */
    static URI configured(Map<String, String> environment) {
        String configured = environment.get(VARIABLE);
        return configured == null || configured.isBlank() ? DEFAULT : URI.create(configured.strip());
    }

    /** Asks {@code uri} which emulator it is; fails naming the endpoint when nothing, or something else, answers. */
    public static EmulatorEndpoint probe(URI uri) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        List<String> answers = new ArrayList<>();
        for (Emulator candidate : Emulator.values()) {
            HttpRequest request = HttpRequest.newBuilder(uri.resolve(candidate.probePath()))
                    .timeout(PROBE_TIMEOUT)
                    .GET()
                    .build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status / 100 == 2) {
                    return new EmulatorEndpoint(uri, candidate);
                }
                answers.add(candidate.probe() + " -> HTTP " + status);
            } catch (IOException e) {
                // Refused, timed out or reset: nothing usable listens there.
                throw new IllegalStateException(nothingAnswers(uri, e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while probing the emulator at " + uri, e);
            }
        }
        throw new IllegalStateException("Something answers at " + uri + " (" + VARIABLE
                + ") but it is neither moto nor " + "LocalStack: " + String.join(", ", answers));
    }

    /** The same endpoint as the SDK and the handlers take it. */
    public String url() {
        return uri.toString();
    }

    private static String nothingAnswers(URI uri, Exception cause) {
        return "No AWS emulator answers at " + uri + " (" + VARIABLE + ", default " + DEFAULT + "): "
                + cause.getClass().getSimpleName() + ". Start one there, e.g. 'moto_server -p PORT' with "
                + VARIABLE
                + "=http://127.0.0.1:PORT, or 'localstack start', or run 'bash .ci/with-moto"
                + " ./mvnw verify -Pemulator'.";
    }
}
