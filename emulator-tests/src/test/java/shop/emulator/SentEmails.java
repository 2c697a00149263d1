package shop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the messages SES accepted back out of the emulator. Neither emulator delivers mail; each keeps what it was
 * asked to send and shows it on an endpoint of its own, in a shape of its own.
 */
public abstract sealed class SentEmails permits SentEmails.Moto, SentEmails.LocalStack {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    final URI endpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    SentEmails(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The reader for the emulator behind {@code endpoint}. */
    public static SentEmails of(EmulatorEndpoint endpoint) {
        return switch (endpoint.emulator()) {
            case MOTO -> new Moto(endpoint.uri());
            case LOCALSTACK -> new LocalStack(endpoint.uri());
        };
    }

    /** Every message sent from {@code sender}, oldest first. */
    public abstract List<SentEmail> from(String sender);

    JsonNode get(URI uri) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + uri + " answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading " + uri, e);
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /**
     * moto: {@code GET /moto-api/data.json} lists every model instance; SES v1 and v2 sends alike land in
     * {@code ses.Message} as {@code {id, source, destinations: {ToAddresses: [..]}, subject, body}}.
     */
    static final class Moto extends SentEmails {
        Moto(URI endpoint) {
            super(endpoint);
        }

        @Override
        public List<SentEmail> from(String sender) {
            List<SentEmail> sent = new ArrayList<>();
            for (JsonNode message :
                    get(endpoint.resolve("/moto-api/data.json")).path("ses").path("Message")) {
                if (sender.equals(message.path("source").asText())) {
                    sent.add(new SentEmail(
                            sender,
                            texts(message.path("destinations").path("ToAddresses")),
                            message.path("subject").asText(),
                            message.path("body").asText()));
                }
            }
            return sent;
        }
    }

    /**
     * LocalStack: {@code GET /_aws/ses?email=SENDER} answers {@code {messages: [{Source, Destination: {ToAddresses},
     * Subject, Body: {text_part, html_part}}]}}.
     */
    static final class LocalStack extends SentEmails {
        LocalStack(URI endpoint) {
            super(endpoint);
        }

        @Override
        public List<SentEmail> from(String sender) {
            URI uri = endpoint.resolve("/_aws/ses?email=" + URLEncoder.encode(sender, StandardCharsets.UTF_8));
            List<SentEmail> sent = new ArrayList<>();
            for (JsonNode message : get(uri).path("messages")) {
                if (sender.equals(message.path("Source").asText())) {
                    JsonNode body = message.path("Body");
                    String html = body.path("html_part").isTextual()
                            ? body.path("html_part").asText()
                            : null;
                    sent.add(new SentEmail(
                            sender,
                            texts(message.path("Destination").path("ToAddresses")),
                            message.path("Subject").asText(),
                            html != null ? html : body.path("text_part").asText()));
                }
            }
            return sent;
        }
    }
}
