package shop.checkout.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.checkout.Submission;
import shop.checkout.samples.SampleRequests;

class IdempotencyKeyTest {

    record Header(String name, Map<String, String> headers, IdempotencyKey.Lookup expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Header> headers() {
        String uuid = "7f3c2a9e-5b1d-4c8e-9a6f-2d4b8e1c0a57";
        IdempotencyKey.Lookup present = new IdempotencyKey.Present(new IdempotencyKey(uuid));
        IdempotencyKey.Lookup malformed = new IdempotencyKey.Malformed(
                "must be 1 to 128 visible ASCII characters without quotes, backslashes or commas");
        return Stream.of(
                new Header("lower case, as API Gateway passes it", Map.of("idempotency-key", uuid), present),
                new Header("as the draft standard spells it", Map.of("Idempotency-Key", uuid), present),
                new Header("upper case", Map.of("IDEMPOTENCY-KEY", uuid), present),
                new Header(
                        "as a quoted structured-field string", Map.of("idempotency-key", "\"" + uuid + "\""), present),
                new Header("with surrounding spaces", Map.of("idempotency-key", "  " + uuid + " "), present),
                new Header("no such header", Map.of("content-type", "application/json"), new IdempotencyKey.Absent()),
                new Header("no headers at all", null, new IdempotencyKey.Absent()),
                new Header(
                        "128 characters",
                        Map.of("idempotency-key", "k".repeat(128)),
                        new IdempotencyKey.Present(new IdempotencyKey("k".repeat(128)))),
                new Header("129 characters", Map.of("idempotency-key", "k".repeat(129)), malformed),
                new Header("empty", Map.of("idempotency-key", ""), malformed),
                new Header("empty quotes", Map.of("idempotency-key", "\"\""), malformed),
                new Header("an inner space", Map.of("idempotency-key", "order 42"), malformed),
                new Header("sent twice and joined by a comma", Map.of("idempotency-key", "a1,b2"), malformed),
                new Header("non-ASCII", Map.of("idempotency-key", "bestellung-ü"), malformed),
                new Header("a backslash", Map.of("idempotency-key", "a\\b"), malformed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void readsTheHeader(Header header) {
        Submission submission = new Submission(null, false, header.headers(), null, null);

        IdempotencyKey.Lookup lookup = IdempotencyKey.lookup(submission.header(IdempotencyKey.HEADER));

        assertThat(lookup).isEqualTo(header.expected());
    }

    @Test
    void findsTheKeyOfTheSampleRequest() {
        var event = SampleRequests.load(SampleRequests.WITH_IDEMPOTENCY_KEY);
        Submission submission = new Submission(null, false, event.getHeaders(), null, null);

        IdempotencyKey.Lookup lookup = IdempotencyKey.lookup(submission.header(IdempotencyKey.HEADER));

        assertThat(lookup)
                .isEqualTo(new IdempotencyKey.Present(new IdempotencyKey("7f3c2a9e-5b1d-4c8e-9a6f-2d4b8e1c0a57")));
    }

    @Test
    void cannotBeBuiltFromAMalformedValue() {
        assertThatThrownBy(() -> new IdempotencyKey("two words")).isInstanceOf(IllegalArgumentException.class);
    }
}
