package shop.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.redrive.Samples.JSON;
import static shop.redrive.Samples.ON_FAILURE_RECORD;
import static shop.redrive.Samples.RULE_DEAD_LETTER;
import static shop.redrive.Samples.UNRECOGNISED;
import static shop.redrive.Samples.body;
import static shop.redrive.Samples.message;
import static shop.redrive.Samples.withBody;
import static shop.redrive.Samples.without;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.redrive.DeadLetter.Kind;

class DeadLetterTest {

    private static final String EMAIL_LIVE =
            "arn:aws:lambda:eu-west-1:123456789012:function:shop-EmailFunction-A1B2C3D4E5F6:live";

    static Stream<Arguments> recognised() {
        return Stream.of(
                Arguments.of(
                        "EventBridge rule dead letter",
                        message(RULE_DEAD_LETTER),
                        Kind.EVENTBRIDGE_RULE,
                        "dc695040-9387-489f-8cfe-4393886dab09",
                        "9bad17fb-a2b1-4e22-8eed-5d50cba3539f",
                        "NO_PERMISSIONS: EventBridge is not allowed to invoke the target"),
                Arguments.of(
                        "Lambda on-failure record",
                        message(ON_FAILURE_RECORD),
                        Kind.LAMBDA_ON_FAILURE,
                        "727452a3-e75b-43f3-a53b-067e102d0b8a",
                        "85141e04-3a68-4de4-8737-67876611a13c",
                        "RetriesExhausted after 3 attempts: software.amazon.awssdk.services.sesv2.model."
                                + "TooManyRequestsException: Maximum sending rate exceeded."),
                Arguments.of(
                        "Lambda record of an event too old to run",
                        record(r -> {
                            r.remove("responseContext");
                            r.remove("responsePayload");
                            ((ObjectNode) r.path("requestContext"))
                                    .put("condition", "EventAgeExceeded")
                                    .put("approximateInvokeCount", 0);
                        }),
                        Kind.LAMBDA_ON_FAILURE,
                        "727452a3-e75b-43f3-a53b-067e102d0b8a",
                        "85141e04-3a68-4de4-8737-67876611a13c",
                        "EventAgeExceeded after 0 attempts"),
                Arguments.of(
                        "Lambda record of a crash without an error document",
                        record(r -> r.remove("responsePayload")),
                        Kind.LAMBDA_ON_FAILURE,
                        "727452a3-e75b-43f3-a53b-067e102d0b8a",
                        "85141e04-3a68-4de4-8737-67876611a13c",
                        "RetriesExhausted after 3 attempts: Unhandled function error"),
                Arguments.of(
                        "rule dead letter of a poison event without orderId",
                        ruleEvent(e -> ((ObjectNode) e.path("detail")).remove("orderId")),
                        Kind.EVENTBRIDGE_RULE,
                        "dc695040-9387-489f-8cfe-4393886dab09",
                        null,
                        "NO_PERMISSIONS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recognised")
    void recognisedDeadLetterYieldsEventIdsAndError(
            String name, QueueMessage message, Kind kind, String eventId, String orderId, String reasonStart) {
        // Act
        DeadLetter letter = DeadLetter.of(message);

        // Assert
        assertThat(letter.kind()).isEqualTo(kind);
        assertThat(letter.recognised()).isTrue();
        assertThat(letter.eventId()).isEqualTo(eventId);
        assertThat(letter.orderId()).isEqualTo(orderId);
        assertThat(letter.reason()).startsWith(reasonStart);
        assertThat(letter.failedFunction()).isEqualTo(EMAIL_LIVE);
    }

    static Stream<Arguments> unrecognised() {
        QueueMessage rule = message(RULE_DEAD_LETTER);
        return Stream.of(
                Arguments.of(
                        "S3 test event", message(UNRECOGNISED), "neither an EventBridge rule dead letter (no RULE_ARN"),
                Arguments.of(
                        "event without the dead-letter attributes",
                        without(rule, "RULE_ARN"),
                        "neither an EventBridge rule dead letter (no RULE_ARN attribute) nor a"
                                + " Lambda invocation record"),
                Arguments.of(
                        "body cut short",
                        new QueueMessage("m-1", "r-1", rule.body().substring(0, 200), rule.attributes()),
                        "the body is not JSON"),
                Arguments.of(
                        "text after the JSON",
                        new QueueMessage("m-1", "r-1", rule.body() + " retry", rule.attributes()),
                        "the body is not JSON"),
                Arguments.of(
                        "body is a JSON string",
                        withBody(rule, TextNode.valueOf("please retry")),
                        "the body is not a JSON object"),
                Arguments.of(
                        "rule dead letter without TARGET_ARN",
                        without(rule, "TARGET_ARN"),
                        "an EventBridge rule dead letter without the TARGET_ARN attribute"),
                Arguments.of(
                        "rule dead letter whose body is no event",
                        withBody(rule, body(message(UNRECOGNISED))),
                        "an EventBridge rule dead letter whose body is not an EventBridge"
                                + " event (no id, source, detail-type, detail)"),
                Arguments.of(
                        "invocation record of a success",
                        record(r -> ((ObjectNode) r.path("requestContext")).put("condition", "Success")),
                        "a Lambda invocation record of a success"),
                Arguments.of(
                        "invocation record of an unknown version",
                        record(r -> r.put("version", "2.0")),
                        "a Lambda invocation record of version '2.0'; this redrive knows 1.0"),
                Arguments.of(
                        "invocation record without functionArn",
                        record(r -> ((ObjectNode) r.path("requestContext")).remove("functionArn")),
                        "a Lambda invocation record without requestContext.functionArn"),
                Arguments.of(
                        "invocation record without requestPayload",
                        record(r -> r.remove("requestPayload")),
                        "a Lambda invocation record whose requestPayload is not an EventBridge event"),
                Arguments.of(
                        "invocation record whose payload is only a detail",
                        record(r ->
                                r.set("requestPayload", r.path("requestPayload").path("detail"))),
                        "a Lambda invocation record whose requestPayload is not an EventBridge"
                                + " event (no id, source, detail-type, detail)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unrecognised")
    void anythingElseIsUnrecognisedWithItsReason(String name, QueueMessage message, String reason) {
        // Act
        DeadLetter letter = DeadLetter.of(message);

        // Assert
        assertThat(letter.kind()).isEqualTo(Kind.UNRECOGNISED);
        assertThat(letter.recognised()).isFalse();
        assertThat(letter.reason()).startsWith(reason);
        assertThat(letter.event()).isNull();
    }

    @Test
    void ruleDeadLetterEventIsTheBodyItself() {
        // Arrange
        QueueMessage message = message(RULE_DEAD_LETTER);

        // Act
        DeadLetter letter = DeadLetter.of(message);

        // Assert
        assertThat(letter.event()).isEqualTo(message.body());
    }

    @Test
    void onFailureEventIsTheRequestPayloadAsReceived() throws Exception {
        // Arrange
        QueueMessage message = message(ON_FAILURE_RECORD);

        // Act
        DeadLetter letter = DeadLetter.of(message);

        // Assert
        assertThat(message.body()).contains(letter.event());
        assertThat(JSON.readTree(letter.event())).isEqualTo(body(message).path("requestPayload"));
        assertThat(JSON.readTree(letter.event())).isEqualTo(Samples.eventbridge("order-created-rewards-signup.json"));
    }

    @Test
    void onFailureEventKeepsItsCharactersWhereRewritingWouldChangeThem() throws Exception {
        // Arrange: indentation and \\u escapes, which parsing and writing the tree again would not reproduce.
        ObjectNode record = body(message(ON_FAILURE_RECORD));
        String written = JSON.writer()
                .with(JsonWriteFeature.ESCAPE_NON_ASCII)
                .withDefaultPrettyPrinter()
                .writeValueAsString(record);
        QueueMessage message = new QueueMessage("m-1", "r-1", written, Map.of());

        // Act
        DeadLetter letter = DeadLetter.of(message);

        // Assert
        assertThat(written).contains(letter.event());
        assertThat(letter.event()).startsWith("{").endsWith("}").contains("\n").contains("Kova\\u010D");
        assertThat(JSON.readTree(letter.event())).isEqualTo(record.path("requestPayload"));
    }

    @Test
    void requestPayloadNestedInAnotherFieldIsNotTakenForTheEvent() throws Exception {
        // Arrange: an error document quoting a requestPayload of its own, written before the record's.
        ObjectNode original = body(message(ON_FAILURE_RECORD));
        ObjectNode record = JSON.createObjectNode();
        record.put("version", "1.0");
        record.putObject("responsePayload").set("requestPayload", Samples.eventbridge("order-created-no-signup.json"));
        record.set("requestContext", original.path("requestContext"));
        record.set("requestPayload", original.path("requestPayload"));
        QueueMessage message = new QueueMessage("m-1", "r-1", record.toString(), Map.of());

        // Act
        DeadLetter letter = DeadLetter.of(message);

        // Assert
        assertThat(letter.eventId()).isEqualTo("727452a3-e75b-43f3-a53b-067e102d0b8a");
        assertThat(JSON.readTree(letter.event())).isEqualTo(original.path("requestPayload"));
    }

    /** The on-failure sample with its record changed by {@code change}. */
    private static QueueMessage record(Consumer<ObjectNode> change) {
        QueueMessage message = message(ON_FAILURE_RECORD);
        ObjectNode record = body(message);
        change.accept(record);
        return withBody(message, record);
    }

    /** The rule dead-letter sample with its event changed by {@code change}. */
    private static QueueMessage ruleEvent(Consumer<JsonNode> change) {
        QueueMessage message = message(RULE_DEAD_LETTER);
        ObjectNode event = body(message);
        change.accept(event);
        return withBody(message, event);
    }
}
