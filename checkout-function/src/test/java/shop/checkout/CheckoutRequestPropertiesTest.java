package shop.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import shop.checkout.fakes.RecordingOrderEvents;
import shop.checkout.samples.HttpApiDriver;
import shop.checkout.samples.SampleRequests;
import shop.checkout.validation.Limits;
import shop.checkout.validation.Utf8Text;
import shop.events.EventJson;
import shop.events.OrderCreated;
import shop.events.OrderCreatedEvent;
import shop.events.SchemaCheck;
import shop.testkit.CapturingContext;
import shop.testkit.JsonPointers;

/**
 * Checkout's API under generated and mutated requests, over ten thousand per run: sample orders with fields removed,
 * retyped, made huge, negative or zero, filled with any Unicode, padded with extra fields; arbitrary JSON; text that is
 * not JSON at all, nested thousands deep, truncated, empty, base64 or not; bytes that are not UTF-8 (random bytes
 * written over or into a sample, overlong forms, code points beyond U+10FFFF, encoded surrogates, sequences cut in
 * half, byte order marks, UTF-16 and UTF-32); bodies over the size limit, among them one whose event would break
 * EventBridge's 256 KB entry limit; and any verified customer against any body.
 *
 * <p>Whatever comes in: no 5xx, no exception, a 4xx names its problem, nothing is published for a refused request, and
 * an accepted one publishes exactly one event that the producer schema accepts, for the signed-in customer. Bytes that
 * are not well-formed UTF-8 are never accepted.
 */
class CheckoutRequestPropertiesTest {

    private static final SchemaCheck PRODUCER_SCHEMA = SchemaCheck.producer(OrderCreatedEvent.CURRENT_VERSION);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<ObjectNode> SAMPLE_BODIES =
            SampleRequests.VALID.stream().map(SampleRequests::body).toList();
    /** The customer the sample requests are signed in as, when a property does not choose one. */
    private static final String SIGNED_IN = "cust-4711";

    private final RecordingOrderEvents bus = RecordingOrderEvents.accepting();
    private final HttpApiDriver handler = HttpApiDriver.of(new Checkout(bus, SampleRequests.CLOCK));

    // ---------------------------------------------------------------- properties

    @Property(tries = 6000)
    void aMutatedSampleOrderIsAnsweredHonestly(@ForAll("mutatedOrders") JsonNode body) {
        exchange(request(write(body), false, SIGNED_IN, Map.of()));
    }

    @Property(tries = 2000)
    void anyJsonValueIsAnsweredHonestly(@ForAll("anyJson") JsonNode body) {
        exchange(request(write(body), false, SIGNED_IN, Map.of()));
    }

    @Property(tries = 1500)
    void anyTextIsAnsweredHonestly(
            @ForAll("rawBodies") String body, @ForAll boolean flaggedBase64, @ForAll("idempotencyKeys") String key) {
        exchange(request(body, flaggedBase64, SIGNED_IN, key.isEmpty() ? Map.of() : Map.of("Idempotency-Key", key)));
    }

    @Property(tries = 500)
    void anyVerifiedCustomerAgainstAnyBodyIsAnsweredHonestly(
            @ForAll("subjects") String subject, @ForAll("bodyCustomerIds") JsonNode bodyCustomerId) {
        ObjectNode body = SAMPLE_BODIES.get(0).deepCopy();
        ObjectNode customer = (ObjectNode) body.get("customer");
        if (bodyCustomerId.isMissingNode()) {
            customer.remove("customerId");
        } else {
            customer.set("customerId", bodyCustomerId);
        }

        APIGatewayV2HTTPResponse response = exchange(request(write(body), false, subject, Map.of()));

        // Body JSON with a lone surrogate in it is no Unicode text, whoever it names: it is refused before being read.
        boolean unicode = !bodyCustomerId.isTextual() || Utf8Text.unpairedSurrogate(bodyCustomerId.textValue()) < 0;
        boolean otherCustomer =
                bodyCustomerId.isTextual() && !bodyCustomerId.textValue().equals(subject);
        if (subject.isBlank()) {
            assertThat(response.getStatusCode()).isEqualTo(401);
        } else if (!unicode) {
            assertThat(response.getStatusCode()).isEqualTo(400);
        } else if (otherCustomer) {
            assertThat(response.getStatusCode()).isEqualTo(403);
        }
        if (response.getStatusCode() == 202) {
            assertThat(last().customer().customerId()).isEqualTo(subject);
        }
    }

    /**
     * Bytes as API Gateway hands them over: base64 always works, plain text only for bytes that are text. Whatever
     * checkout makes of the rest, it never accepts bytes a strict UTF-8 decoder refuses.
     */
    @Property(tries = 2000)
    void anyBytesAreAnsweredHonestly(@ForAll("corruptedBytes") byte[] body, @ForAll boolean plainWhereText) {
        boolean text = strictUtf8(body);
        boolean base64 = !(plainWhereText && text);
        String sent = base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8);

        APIGatewayV2HTTPResponse response = exchange(request(sent, base64, SIGNED_IN, Map.of()));

        // A byte order mark and zero bytes (UTF-16, UTF-32) are well-formed UTF-8, but no JSON text to checkout.
        boolean json = text
                && !(body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF)
                && !contains(body, (byte) 0);
        Statistics.label("bytes").collect(!text ? "not UTF-8" : json ? "UTF-8" : "UTF-8, not JSON text");
        if (!json) {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
            assertThat(json(response.getBody()).path("errors").findValuesAsText("field"))
                    .containsExactly("$");
        }
    }

    /** Three bodies, plain and base64: jqwik tries all six combinations. */
    @Property
    void anOversizedBodyIsRefusedWith413(@ForAll("oversizedBodies") String body, @ForAll boolean base64) {
        String sent = base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body;

        APIGatewayV2HTTPResponse response = exchange(request(sent, base64, SIGNED_IN, Map.of()));

        assertThat(response.getStatusCode()).isEqualTo(413);
    }

    // ---------------------------------------------------------------- the invariants

    /** Sends one request and holds the answer to every invariant; returns it for property-specific checks. */
    private APIGatewayV2HTTPResponse exchange(APIGatewayV2HTTPEvent request) {
        int publishedBefore = bus.published().size();

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(request, new CapturingContext(CheckoutHandler.FUNCTION));

        int published = bus.published().size() - publishedBefore;
        int status = response.getStatusCode();
        Statistics.label("status").collect(status);
        assertThat(status).as("status, body %s", response.getBody()).isIn(202, 400, 401, 403, 413, 415);
        if (status == 202) {
            assertThat(published).as("events for an accepted request").isEqualTo(1);
            assertThat(PRODUCER_SCHEMA.violations(EventJson.toTree(last()))).isEmpty();
            return response;
        }
        assertThat(published).as("events for a refused request").isZero();
        JsonNode problem = json(response.getBody());
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("urn:shop:problem:");
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (status == 400 || status == 403) {
            assertThat(problem.path("errors"))
                    .as("errors naming each field")
                    .isNotEmpty()
                    .allSatisfy(error -> {
                        assertThat(error.path("field").asText())
                                .startsWith(error.path("field").asText().startsWith("header:") ? "header:" : "$");
                        assertThat(error.path("message").asText()).isNotBlank();
                    });
        }
        return response;
    }

    // ---------------------------------------------------------------- generators

    /** One change to a body: which node (a fraction into its list of paths), what to do there, and with what. */
    record Mutation(double where, Kind kind, JsonNode value) {
        enum Kind {
            REMOVE,
            REPLACE,
            ADD_FIELD,
            REPEAT_ITEMS
        }
    }

    @Provide
    Arbitrary<JsonNode> mutatedOrders() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                        Arbitraries.doubles().between(0, 1).ofScale(6), Arbitraries.of(Mutation.Kind.class), values())
                .as(Mutation::new);
        return Combinators.combine(
                        Arbitraries.of(SAMPLE_BODIES),
                        mutation.list().ofMinSize(0).ofMaxSize(5))
                .as(CheckoutRequestPropertiesTest::mutate);
    }

    @Provide
    Arbitrary<JsonNode> anyJson() {
        return Arbitraries.recursive(
                this::values,
                inner -> Arbitraries.oneOf(
                        inner,
                        inner.list().ofMaxSize(3).map(CheckoutRequestPropertiesTest::array),
                        Combinators.combine(
                                        fieldNames().list().ofMaxSize(3),
                                        inner.list().ofSize(3))
                                .as(CheckoutRequestPropertiesTest::object)),
                0,
                4);
    }

    @Provide
    Arbitrary<String> rawBodies() {
        String valid = write(SAMPLE_BODIES.get(0));
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.of(
                        "",
                        " ",
                        "\n",
                        "null",
                        "true",
                        "0",
                        "\"order\"",
                        "[]",
                        "{}",
                        "{\"customer\":{}}",
                        "customerId=cust-0815",
                        "{\"a\":1}{\"b\":2}",
                        "{\"a\":1,\"a\":2}"),
                Arbitraries.integers().between(1, 5000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(1, 3000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
                Arbitraries.integers().between(0, valid.length()).map(cut -> valid.substring(0, cut)),
                Combinators.combine(Arbitraries.integers().between(0, valid.length() - 1), Arbitraries.chars())
                        .as((at, c) -> valid.substring(0, at) + c + valid.substring(at + 1)),
                Arbitraries.integers().between(1, 20_000).map(digits -> "9".repeat(digits)),
                Arbitraries.of("1e999999", "-1e999999", "NaN", "Infinity", "\"\\ud800\""));
    }

    /** Sequences no well-formed UTF-8 holds, and a byte order mark, which it must not start with. */
    private static final List<byte[]> ILL_FORMED = List.of(
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            new byte[] {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xFE},
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

    /** A sample body in UTF-8 (one with multi-byte characters among them) with its bytes corrupted, or re-encoded. */
    @Provide
    Arbitrary<byte[]> corruptedBytes() {
        Arbitrary<byte[]> samples =
                Arbitraries.of(SAMPLE_BODIES).map(body -> write(body).getBytes(StandardCharsets.UTF_8));
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        return Arbitraries.oneOf(
                // Any byte written over one of the body's bytes: often still UTF-8, often not.
                Combinators.combine(samples, where, Arbitraries.bytes())
                        .as((body, at, b) -> splice(body, at, 1, new byte[] {b})),
                // A few random bytes inserted anywhere.
                Combinators.combine(
                                samples,
                                where,
                                Arbitraries.bytes()
                                        .array(byte[].class)
                                        .ofMinSize(1)
                                        .ofMaxSize(4))
                        .as((body, at, bytes) -> splice(body, at, 0, bytes)),
                // A known ill-formed sequence inserted anywhere, the start included.
                Combinators.combine(samples, where, Arbitraries.of(ILL_FORMED))
                        .as((body, at, bytes) -> splice(body, at, 0, bytes)),
                // Cut anywhere, in the middle of a multi-byte character too.
                Combinators.combine(samples, where).as((body, at) -> Arrays.copyOf(body, (int) (at * body.length))),
                // The whole body in another encoding, with or without its byte order mark.
                Combinators.combine(
                                Arbitraries.of(SAMPLE_BODIES),
                                Arbitraries.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"),
                                Arbitraries.of(true, false))
                        .as((body, charset, mark) ->
                                ((mark ? "\uFEFF" : "") + write(body)).getBytes(Charset.forName(charset))));
    }

    @Provide
    Arbitrary<String> idempotencyKeys() {
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(200),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(130));
    }

    @Provide
    Arbitrary<String> subjects() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", SIGNED_IN, "cust-0815", "CUST-4711"),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars('-')
                        .ofMinLength(1)
                        .ofMaxLength(40));
    }

    @Provide
    Arbitrary<JsonNode> bodyCustomerIds() {
        return Arbitraries.oneOf(
                Arbitraries.just(MissingNode.getInstance()),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(SIGNED_IN, "cust-0815", "").map(NODES::textNode),
                values());
    }

    @Provide
    Arbitrary<String> oversizedBodies() {
        return Arbitraries.of(
                // Padding in a field checkout ignores: the body alone is over the limit.
                body(order -> order.put("note", "n".repeat(Limits.MAX_BODY_BYTES))),
                // 2000 lines with 200-character names in 4-byte characters: an event of about 1.6 MB, far beyond
                // EventBridge's 256 KB entry limit, had it got past the body limit.
                body(order -> {
                    ArrayNode items = order.putArray("items");
                    for (int i = 0; i < 2000; i++) {
                        items.addObject()
                                .put("sku", "SKU-" + i)
                                .put("name", "\uD83D\uDCE6".repeat(200))
                                .put("quantity", 1)
                                .put("unitPrice", 100);
                    }
                }),
                // Just over the limit, in multi-byte characters: bytes count, not characters.
                body(order -> order.put("note", "é".repeat(Limits.MAX_BODY_BYTES / 2))));
    }

    /** Values of every JSON type, with the edge cases that break parsers and validators. */
    private Arbitrary<JsonNode> values() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.integers().between(-2000, 2000).map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(
                                0L,
                                -1L,
                                1L,
                                1000L,
                                1001L,
                                Long.MAX_VALUE,
                                Long.MIN_VALUE,
                                (long) Limits.MAX_UNIT_PRICE,
                                Limits.MAX_UNIT_PRICE + 1)
                        .map(NODES::numberNode),
                Arbitraries.of(
                                new BigInteger("9".repeat(40)),
                                BigInteger.TWO.pow(63),
                                BigInteger.TWO.pow(64).negate())
                        .map(NODES::numberNode),
                Arbitraries.of(
                                new BigDecimal("0.5"),
                                new BigDecimal("1.0"),
                                new BigDecimal("1e308"),
                                new BigDecimal("-1e-308"),
                                new BigDecimal("12.50"))
                        .map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.strings().all().ofMaxLength(60).map(NODES::textNode),
                // Long strings as a short one repeated: generating thousands of random characters one by one is slow.
                Combinators.combine(
                                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8),
                                Arbitraries.integers().between(100, 3000))
                        .as((text, times) -> NODES.textNode(text.repeat(times))),
                Arbitraries.of(
                                "",
                                " ",
                                "EUR",
                                "eur",
                                "XAU",
                                "XXX",
                                "DE",
                                "de",
                                "ZZ",
                                "mira@example.com",
                                "name@localhost",
                                "\u0000",
                                "\u202E",
                                "\uD83D\uDE00",
                                "Ωmega",
                                "𝔘𝔫𝔦𝔠𝔬𝔡𝔢")
                        .map(NODES::textNode),
                Arbitraries.create(NODES::arrayNode),
                Arbitraries.create(NODES::objectNode),
                Arbitraries.integers().between(1, 200).map(CheckoutRequestPropertiesTest::nested));
    }

    private static Arbitrary<String> fieldNames() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "customer",
                        "items",
                        "currency",
                        "shippingAddress",
                        "customerId",
                        "quantity",
                        "unitPrice",
                        "total",
                        "orderId",
                        "__proto__",
                        ""),
                Arbitraries.strings().all().ofMaxLength(20));
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode mutate(ObjectNode sample, List<Mutation> mutations) {
        ObjectNode body = sample.deepCopy();
        for (Mutation mutation : mutations) {
            List<String> paths = new ArrayList<>(JsonPointers.below(body));
            if (paths.isEmpty()) {
                paths.add("/customer");
            }
            String path = paths.get((int) Math.min(paths.size() - 1, Math.floor(mutation.where() * paths.size())));
            apply(body, path, mutation);
        }
        return body;
    }

    private static void apply(ObjectNode body, String path, Mutation mutation) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash <= 0 ? body : body.at(path.substring(0, slash));
        String last = path.substring(slash + 1);
        switch (mutation.kind()) {
            case REMOVE -> {
                if (parent instanceof ObjectNode object) {
                    object.remove(last);
                } else if (parent instanceof ArrayNode array) {
                    array.remove(Integer.parseInt(last));
                }
            }
            case REPLACE -> {
                if (parent instanceof ObjectNode object) {
                    object.set(last, mutation.value().deepCopy());
                } else if (parent instanceof ArrayNode array) {
                    array.set(Integer.parseInt(last), mutation.value().deepCopy());
                }
            }
            case ADD_FIELD -> {
                JsonNode target = body.at(path);
                ObjectNode owner = target instanceof ObjectNode object ? object : body;
                owner.set("extra" + path.length(), mutation.value().deepCopy());
            }
            case REPEAT_ITEMS -> {
                if (body.get("items") instanceof ArrayNode items && !items.isEmpty()) {
                    JsonNode first = items.get(0);
                    int count = (int) (mutation.where() * 150);
                    ArrayNode repeated = body.putArray("items");
                    for (int i = 0; i < count; i++) {
                        repeated.add(first.deepCopy());
                    }
                }
            }
        }
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("deep");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    private static JsonNode array(List<JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private static JsonNode object(List<String> names, List<JsonNode> values) {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < names.size(); i++) {
            object.set(names.get(i), values.get(i));
        }
        return object;
    }

    private static String body(Consumer<ObjectNode> edit) {
        ObjectNode body = SAMPLE_BODIES.get(0).deepCopy();
        edit.accept(body);
        return write(body);
    }

    private static APIGatewayV2HTTPEvent request(
            String body, boolean base64, String subject, Map<String, String> extraHeaders) {
        APIGatewayV2HTTPEvent event = SampleRequests.load(SampleRequests.REWARDS_SIGNUP);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.putAll(extraHeaders);
        event.setHeaders(headers);
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        return SampleRequests.signedInAs(event, subject);
    }

    /** {@code body} with {@code length} bytes from {@code where} (a fraction into it) replaced by {@code bytes}. */
    private static byte[] splice(byte[] body, double where, int length, byte[] bytes) {
        int at = Math.min((int) (where * body.length), body.length - length);
        byte[] spliced = new byte[body.length - length + bytes.length];
        System.arraycopy(body, 0, spliced, 0, at);
        System.arraycopy(bytes, 0, spliced, at, bytes.length);
        System.arraycopy(body, at + length, spliced, at + bytes.length, body.length - at - length);
        return spliced;
    }

    private static boolean contains(byte[] bytes, byte wanted) {
        for (byte b : bytes) {
            if (b == wanted) {
                return true;
            }
        }
        return false;
    }

    /** Whether a decoder that reports what it cannot decode decodes {@code bytes} as UTF-8. */
    private static boolean strictUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException illFormed) {
            return false;
        }
    }

    private OrderCreated last() {
        List<OrderCreated> published = bus.published();
        return published.get(published.size() - 1);
    }

    private static String write(JsonNode node) {
        return SampleRequests.write(node);
    }

    private static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Response body is not JSON: " + body, e);
        }
    }
}
