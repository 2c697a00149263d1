package shop.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.redrive.Samples.JSON;

import com.amazonaws.services.lambda.runtime.events.LambdaDestinationEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.events.SchemaCheck;

/** The sample dead letters carry the repository's own OrderCreated samples, and in the shapes AWS's libraries know. */
class DeadLetterSamplesTest {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(Samples.RULE_DEAD_LETTER, "order-created-no-signup.json"),
                Arguments.of(Samples.ON_FAILURE_RECORD, "order-created-rewards-signup.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void innerEventIsTheEventBridgeSampleAndValidOrderCreated(String deadLetter, String eventbridgeSample)
            throws Exception {
        // Act
        DeadLetter letter = DeadLetter.of(Samples.message(deadLetter));

        // Assert
        assertThat(JSON.readTree(letter.event())).isEqualTo(Samples.eventbridge(eventbridgeSample));
        JsonNode detail = JSON.readTree(letter.event()).path("detail");
        assertThat(SchemaCheck.producer(detail.path("schemaVersion").asText()).violations(detail))
                .isEmpty();
    }

    @Test
    void onFailureRecordReadsAsLambdaDestinationEvent(@TempDir Path dir) throws Exception {
        // Arrange: aws-lambda-java-events' own type for invocation records, as a second reader of the sample.
        Path record = Files.writeString(
                dir.resolve("record.json"),
                Samples.message(Samples.ON_FAILURE_RECORD).body());

        // Act
        LambdaDestinationEvent event = EventLoader.loadLambdaDestinationEvent(record.toString());

        // Assert
        assertThat(event.getVersion()).isEqualTo("1.0");
        assertThat(event.getRequestContext().getCondition()).isEqualTo("RetriesExhausted");
        assertThat(event.getRequestContext().getApproximateInvokeCount()).isEqualTo(3);
        assertThat(event.getRequestContext().getFunctionArn())
                .endsWith(":function:shop-EmailFunction-A1B2C3D4E5F6:live");
        assertThat(event.getRequestPayload()).containsEntry("id", "727452a3-e75b-43f3-a53b-067e102d0b8a");
    }

    @Test
    void ruleDeadLetterCarriesTheAttributesEventBridgeSets() {
        // Act
        QueueMessage message = Samples.message(Samples.RULE_DEAD_LETTER);

        // Assert
        assertThat(message.attributes()).containsOnlyKeys("RULE_ARN", "TARGET_ARN", "ERROR_CODE", "ERROR_MESSAGE");
        assertThat(message.attributes().get("RULE_ARN")).startsWith("arn:aws:events:eu-west-1:123456789012:rule/");
    }
}
