package shop.checkout.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.checkout.samples.SampleRequests;

class RequestBodyTest {

    @Test
    void readsAPlainJsonBody() {
        String body = SampleRequests.load(SampleRequests.NO_SIGNUP).getBody();

        RequestBody.Content content = RequestBody.read(body, false);

        assertThat(content).isEqualTo(new RequestBody.Json(SampleRequests.body(SampleRequests.NO_SIGNUP)));
    }

    @Test
    void decodesABase64Body() {
        String body = SampleRequests.load(SampleRequests.NO_SIGNUP).getBody();
        String encoded = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));

        RequestBody.Content content = RequestBody.read(encoded, true);

        assertThat(content).isEqualTo(new RequestBody.Json(SampleRequests.body(SampleRequests.NO_SIGNUP)));
    }

    /** A body that cannot be read, and the start of what we say about it. */
    record Unreadable(String name, String body, boolean base64, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    // Malformed on purpose: no JSON library writes these, so they are spelled out.
    static Stream<Unreadable> unreadableBodies() {
        return Stream.of(
                new Unreadable("no body", null, false, "is required: send the order as a JSON object"),
                new Unreadable("empty body", "", false, "is required: send the order as a JSON object"),
                new Unreadable("blank body", " \n ", false, "is required: send the order as a JSON object"),
                new Unreadable(
                        "form-encoded body",
                        "customerId=cust-0815&name=Jonas+Feld",
                        false,
                        "is not valid JSON (line 1, column"),
                new Unreadable(
                        "truncated JSON",
                        "{\"customer\": {\"name\": \"Jonas Feld\"",
                        false,
                        "is not valid JSON (line 1, column"),
                new Unreadable("two documents", "{} {}", false, "is not valid JSON (line 1, column"),
                new Unreadable(
                        "duplicate keys",
                        "{\"currency\": \"EUR\", \"currency\": \"GBP\"}",
                        false,
                        "is not valid JSON (line 1, column"),
                new Unreadable(
                        "flagged base64 but plain JSON",
                        "{\"currency\": \"EUR\"}",
                        true,
                        "is flagged as base64 but is not valid base64"),
                new Unreadable(
                        "base64 of something that is not JSON",
                        Base64.getEncoder().encodeToString("Jonas Feld".getBytes(StandardCharsets.UTF_8)),
                        true,
                        "is not valid JSON (line 1, column"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void saysWhyABodyCannotBeReadWithoutQuotingIt(Unreadable request) {
        RequestBody.Content content = RequestBody.read(request.body(), request.base64());

        assertThat(content).isInstanceOf(RequestBody.Unreadable.class);
        FieldError error = ((RequestBody.Unreadable) content).errors().get(0);
        assertThat(error.field()).isEqualTo("$");
        assertThat(error.message()).startsWith(request.message()).doesNotContain("Jonas", "Feld");
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        String body = bodyOfBytes(Limits.MAX_BODY_BYTES, "p");

        RequestBody.Content content = RequestBody.read(body, false);

        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(Limits.MAX_BODY_BYTES);
        assertThat(content).isInstanceOf(RequestBody.Json.class);
    }

    @Test
    void refusesABodyOneByteOverTheLimit() {
        String body = bodyOfBytes(Limits.MAX_BODY_BYTES + 1, "p");

        RequestBody.Content content = RequestBody.read(body, false);

        assertThat(content).isEqualTo(new RequestBody.TooLarge(Limits.MAX_BODY_BYTES + 1));
    }

    @Test
    void countsBytesNotCharacters() {
        // Two bytes per character: under the limit in characters, over it in bytes.
        String body = bodyOfBytes(Limits.MAX_BODY_BYTES + 2, "ü");

        RequestBody.Content content = RequestBody.read(body, false);

        assertThat(body.length()).isLessThan(Limits.MAX_BODY_BYTES);
        assertThat(content).isEqualTo(new RequestBody.TooLarge(Limits.MAX_BODY_BYTES + 2));
    }

    @Test
    void measuresABase64BodyAfterDecoding() {
        String atLimit = base64(bodyOfBytes(Limits.MAX_BODY_BYTES, "p"));
        String overLimit = base64(bodyOfBytes(Limits.MAX_BODY_BYTES + 1, "p"));

        assertThat(RequestBody.read(atLimit, true)).isInstanceOf(RequestBody.Json.class);
        assertThat(RequestBody.read(overLimit, true)).isEqualTo(new RequestBody.TooLarge(Limits.MAX_BODY_BYTES + 1));
    }

    @Test
    void refusesAHugeBase64BodyWithoutDecodingIt() {
        // Not base64 at all: decoding it would answer "not valid base64", so TooLarge shows it was not decoded.
        String huge = "!".repeat(6 * 1024 * 1024);

        RequestBody.Content content = RequestBody.read(huge, true);

        assertThat(content).isInstanceOf(RequestBody.TooLarge.class);
    }

    /** The no-signup sample padded with an unknown field to exactly {@code bytes} bytes of UTF-8. */
    private static String bodyOfBytes(int bytes, String padUnit) {
        ObjectNode body = SampleRequests.body(SampleRequests.NO_SIGNUP);
        body.put("padding", "");
        int base = SampleRequests.write(body).getBytes(StandardCharsets.UTF_8).length;
        int unitBytes = padUnit.getBytes(StandardCharsets.UTF_8).length;
        body.put("padding", padUnit.repeat((bytes - base) / unitBytes) + "p".repeat((bytes - base) % unitBytes));
        return SampleRequests.write(body);
    }

    private static String base64(String body) {
        return Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
    }
}
