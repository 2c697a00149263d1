package shop.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.checkout.fakes.RecordingOrderEvents;
import shop.checkout.samples.HttpApiDriver;
import shop.checkout.samples.RawBodies;
import shop.checkout.samples.SampleRequests;
import shop.events.EventJson;
import shop.events.OrderCreated;
import shop.testkit.CapturingContext;

/**
 * Checkout reads JSON in well-formed UTF-8 and nothing else: every byte-level and Unicode-level fault gets 400 naming
 * the field ({@code $} for the whole body), a body not declared as JSON in UTF-8 gets 415, and neither publishes.
 * Bodies arrive base64-encoded (what API Gateway sends for bytes that are not text) or, where they are text, plain.
 */
class RequestEncodingTest {

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private final RecordingOrderEvents events = RecordingOrderEvents.accepting();
    private final HttpApiDriver handler = HttpApiDriver.of(new Checkout(events, SampleRequests.CLOCK));
    private final CapturingContext context = new CapturingContext(CheckoutHandler.FUNCTION);

    /** A body, the fields the problem must name, and how each message starts. */
    record IllFormed(String name, byte[] body, List<String> fields, String message) {
        @Override
        public String toString() {
            return name;
        }

        /** Whether the bytes are well-formed UTF-8, so that API Gateway could also pass them on as plain text. */
        boolean isText() {
            return Arrays.equals(new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), body);
        }
    }

    static Stream<IllFormed> illFormedBodies() {
        String notUtf8 = "is not well-formed UTF-8: byte ";
        String surrogate = "is not well-formed Unicode: character ";
        return Stream.of(
                whole("overlong '/' in two bytes (C0 AF)", RawBodies.withNameBytes(0xC0, 0xAF), notUtf8),
                whole("overlong '/' in three bytes (E0 80 AF)", RawBodies.withNameBytes(0xE0, 0x80, 0xAF), notUtf8),
                whole("beyond U+10FFFF (F4 90 80 80)", RawBodies.withNameBytes(0xF4, 0x90, 0x80, 0x80), notUtf8),
                whole("no such lead byte (F5 80 80 80)", RawBodies.withNameBytes(0xF5, 0x80, 0x80, 0x80), notUtf8),
                whole("an encoded surrogate (ED A0 80)", RawBodies.withNameBytes(0xED, 0xA0, 0x80), notUtf8),
                whole("a lead byte without its continuation (C3)", RawBodies.withNameBytes(0xC3), notUtf8),
                whole("a stray continuation byte (80)", RawBodies.withNameBytes(0x80), notUtf8),
                whole("a four-byte sequence cut short (F0 9F 98)", RawBodies.withNameBytes(0xF0, 0x9F, 0x98), notUtf8),
                whole("Latin-1 'ü' (FC)", RawBodies.withNameBytes(0xFC), notUtf8),
                whole(
                        "UTF-8 with a byte order mark",
                        RawBodies.encoded(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
                        "starts with a byte order mark"),
                whole(
                        "UTF-16BE with a byte order mark",
                        RawBodies.encoded(StandardCharsets.UTF_16BE, 0xFE, 0xFF),
                        "is UTF-16BE (it starts with that byte order mark)"),
                whole(
                        "UTF-16LE with a byte order mark",
                        RawBodies.encoded(StandardCharsets.UTF_16LE, 0xFF, 0xFE),
                        "is UTF-16LE (it starts with that byte order mark)"),
                whole(
                        "UTF-32BE with a byte order mark",
                        RawBodies.encoded(UTF_32BE, 0x00, 0x00, 0xFE, 0xFF),
                        "is UTF-32BE (it starts with that byte order mark)"),
                whole(
                        "UTF-32LE with a byte order mark",
                        RawBodies.encoded(UTF_32LE, 0xFF, 0xFE, 0x00, 0x00),
                        "is UTF-32LE (it starts with that byte order mark)"),
                whole("UTF-16BE", RawBodies.encoded(StandardCharsets.UTF_16BE), "looks like UTF-16BE"),
                whole("UTF-16LE", RawBodies.encoded(StandardCharsets.UTF_16LE), "looks like UTF-16LE"),
                whole("UTF-32BE", RawBodies.encoded(UTF_32BE), "looks like UTF-32BE"),
                whole("UTF-32LE", RawBodies.encoded(UTF_32LE), "looks like UTF-32LE"),
                escaped(
                        "an escaped lone high surrogate in the name",
                        "$.customer.name",
                        body -> body.withObject("/customer").put("name", "Jonas \uD800 Feld"),
                        surrogate),
                escaped(
                        "an escaped lone surrogate between letters",
                        "$.customer.name",
                        body -> body.withObject("/customer").put("name", "a\uD800b"),
                        surrogate),
                escaped(
                        "an escaped lone low surrogate in an item",
                        "$.items[0].name",
                        body -> body.withObject("/items/0").put("name", "\uDC00 guide"),
                        surrogate),
                escaped(
                        "an escaped pair in the wrong order",
                        "$.shippingAddress.city",
                        body -> body.withObject("/shippingAddress").put("city", "Ash\uDC00\uD800combe"),
                        surrogate),
                escaped(
                        "a high surrogate at the very end",
                        "$.shippingAddress.line1",
                        body -> body.withObject("/shippingAddress").put("line1", "7 Quarry Row\uD83D"),
                        surrogate),
                escaped(
                        "an escaped lone surrogate in a field checkout ignores",
                        "$.note",
                        body -> body.put("note", "\uD800"),
                        surrogate),
                escaped(
                        "an escaped lone surrogate in a member name",
                        "$.customer",
                        body -> body.withObject("/customer").put("nick\uD800", "x"),
                        "has a member name that is not well-formed Unicode"),
                new IllFormed(
                        "escaped lone surrogates in two fields",
                        RawBodies.escaped(body -> {
                            body.withObject("/customer").put("name", "\uD800");
                            body.withObject("/items/0").put("name", "\uDFFF");
                        }),
                        List.of("$.customer.name", "$.items[0].name"),
                        surrogate));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illFormedBodies")
    void anIllFormedBodySentAsBase64Gets400NamingTheFieldAndPublishesNothing(IllFormed body) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(RawBodies.request(body.body(), true), context);

        assertRefused(response, body);
    }

    static Stream<IllFormed> illFormedText() {
        return illFormedBodies().filter(IllFormed::isText);
    }

    /** The faults that are still text (UTF-16 of ASCII, a BOM, escapes): API Gateway may pass these on unencoded. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("illFormedText")
    void anIllFormedBodySentAsTextGets400NamingTheFieldAndPublishesNothing(IllFormed body) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(RawBodies.request(body.body(), false), context);

        assertRefused(response, body);
    }

    @Test
    void theTextCasesCoverEveryOtherEncodingAndEveryEscape() {
        assertThat(illFormedText())
                .extracting(IllFormed::name)
                .hasSize(13)
                .contains(
                        "UTF-8 with a byte order mark",
                        "UTF-16LE",
                        "UTF-32BE",
                        "an escaped lone surrogate in a member name");
    }

    @Test
    void aPlainBodyHoldingARawLoneSurrogateGets400() {
        // Only a direct invocation can do this: the event's JSON carried an escaped surrogate in the body string.
        APIGatewayV2HTTPEvent event = SampleRequests.load(SampleRequests.NO_SIGNUP);
        event.setBody(event.getBody().replace("Jonas Feld", "Jonas \uD800 Feld"));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);

        assertRefused(
                response, new IllFormed("raw", new byte[0], List.of("$"), "is not well-formed Unicode: character "));
    }

    @Test
    void theLoneSurrogatesSampleGets400NamingBothFields() {
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(SampleRequests.load(SampleRequests.LONE_SURROGATES), context);

        assertRefused(
                response,
                new IllFormed(
                        "sample",
                        new byte[0],
                        List.of("$.customer.name", "$.items[0].name"),
                        "is not well-formed Unicode: character "));
    }

    /** A Content-Type header and whether checkout reads the body under it. */
    record Declared(String contentType, boolean json) {
        @Override
        public String toString() {
            return contentType == null
                    ? "(no Content-Type)"
                    : contentType.isBlank() ? "(empty Content-Type)" : contentType;
        }
    }

    static Stream<Declared> contentTypes() {
        return Stream.of(
                new Declared("application/json", true),
                new Declared("application/json; charset=utf-8", true),
                new Declared("application/json;charset=UTF-8", true),
                new Declared("application/json; charset=\"utf-8\"", true),
                new Declared("Application/JSON", true),
                new Declared("  application/json  ", true),
                new Declared("application/vnd.shop.order+json", true),
                new Declared("application/merge-patch+json; charset=utf-8", true),
                new Declared("application/json; profile=\"https://shop.example/order\"", true),
                new Declared(null, false),
                new Declared("", false),
                new Declared("text/plain", false),
                new Declared("text/plain; charset=utf-8", false),
                new Declared("text/json", false),
                new Declared("application/x-www-form-urlencoded", false),
                new Declared("multipart/form-data; boundary=x", false),
                new Declared("application/octet-stream", false),
                new Declared("application/jsonx", false),
                new Declared("application/json-seq", false),
                new Declared("application/+json", false),
                new Declared("application/xml", false),
                new Declared("application/json; charset=utf-16", false),
                new Declared("application/json; charset=UTF-32", false),
                new Declared("application/json; charset=iso-8859-1", false),
                new Declared("application/json; charset=\"latin1\"", false),
                new Declared("application/json; charset=utf-8; charset=utf-16", false),
                new Declared("application/json,text/plain", false),
                new Declared("application/", false),
                new Declared("json", false),
                new Declared("application/json; charset", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contentTypes")
    void onlyJsonInUtf8IsRead(Declared declared) {
        APIGatewayV2HTTPEvent event = SampleRequests.load(SampleRequests.NO_SIGNUP);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("content-type");
        if (declared.contentType() != null) {
            headers.put("Content-Type", declared.contentType());
        }
        event.setHeaders(headers);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);

        if (declared.json()) {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
            assertThat(events.published()).hasSize(1);
            return;
        }
        assertThat(response.getStatusCode()).isEqualTo(415);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response.getBody());
        assertThat(problem.path("type").asText()).isEqualTo("urn:shop:problem:unsupported-media-type");
        assertThat(problem.path("status").asInt()).isEqualTo(415);
        assertThat(problem.path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("field").asText()).isEqualTo("header:Content-Type");
            assertThat(error.path("message").asText()).isNotBlank();
        });
        assertThat(events.published()).isEmpty();
        assertThat(context.logObjects())
                .singleElement()
                .satisfies(line -> assertThat(line.path("status").asInt()).isEqualTo(415));
    }

    @Test
    void theTextPlainSampleGets415() {
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(SampleRequests.load(SampleRequests.AS_TEXT_PLAIN), context);

        assertThat(response.getStatusCode()).isEqualTo(415);
        assertThat(events.published()).isEmpty();
    }

    @ParameterizedTest(name = "base64: {0}")
    @MethodSource("bothWays")
    void unicodeNamesArriveIntactInTheEvent(boolean base64) {
        APIGatewayV2HTTPEvent event = SampleRequests.load(SampleRequests.UNICODE_NAMES);
        ObjectNode sent = SampleRequests.body(event);
        if (base64) {
            event.setBody(Base64.getEncoder().encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)));
            event.setIsBase64Encoded(true);
        }

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        OrderCreated order = events.published().get(0);
        assertThat(order.customer().name())
                .isEqualTo(sent.path("customer").path("name").asText())
                .contains("e\u0301", "ë", "李小龍", "سارة", "👩🏽\u200D💻");
        assertThat(order.items())
                .extracting(OrderCreated.LineItem::name)
                .containsExactly(
                        sent.path("items").path(0).path("name").asText(),
                        sent.path("items").path(1).path("name").asText());
        assertThat(order.shippingAddress().line1())
                .isEqualTo(sent.path("shippingAddress").path("line1").asText());
        assertThat(order.shippingAddress().line2()).isEqualTo("שער 3");
        assertThat(order.shippingAddress().city()).isEqualTo("東京");
    }

    static Stream<Boolean> bothWays() {
        return Stream.of(false, true);
    }

    private void assertRefused(APIGatewayV2HTTPResponse response, IllFormed body) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response.getBody());
        assertThat(problem.path("type").asText()).isEqualTo("urn:shop:problem:invalid-order");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyElementsOf(body.fields());
        assertThat(problem.path("errors").findValuesAsText("message"))
                .allSatisfy(message ->
                        assertThat(message).startsWith(body.message()).doesNotContain("Jonas", "Feld"));
        assertThat(events.published()).isEmpty();
        assertThat(context.all()).doesNotContain("Jonas", "Feld");
    }

    private static IllFormed whole(String name, byte[] body, String message) {
        return new IllFormed(name, body, List.of("$"), message);
    }

    private static IllFormed escaped(String name, String field, Consumer<ObjectNode> edit, String message) {
        return new IllFormed(name, RawBodies.escaped(edit), List.of(field), message);
    }

    private static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Response body is not JSON: " + body, e);
        }
    }
}
