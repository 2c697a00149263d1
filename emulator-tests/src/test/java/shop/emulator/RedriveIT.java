package shop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.redrive.DeadLetter;
import shop.redrive.FunctionTarget;
import shop.redrive.QueueMessage;
import shop.redrive.Redrive;
import shop.redrive.RedriveOptions;
import shop.redrive.RedriveReport;
import shop.redrive.SqsDeadLetterQueue;

/**
 * The operator's redrive on a real SQS queue: the sample dead letters of {@code events/sqs/} go into a queue in the
 * emulator as their senders would put them there, the redrive loop drains it through its real SQS adapter, and the
 * queue is read back. Lambda's invoke is a recording stand-in (see {@link RecordingRedelivery}).
 */
@ExtendWith(SdkCallReport.class)
class RedriveIT {

    private static final String RULE_DEAD_LETTER = "eventbridge-rule-dead-letter.json";
    private static final String ON_FAILURE_RECORD = "lambda-on-failure-record.json";
    private static final String UNRECOGNISED = "unrecognised.json";
    /** The function both recognised samples failed in. */
    private static final FunctionTarget EMAIL = FunctionTarget.parse("shop-EmailFunction-A1B2C3D4E5F6");
    /** Longer than the whole run: a message the redrive failed to release would stay hidden through the read-back. */
    private static final Duration VISIBILITY = Duration.ofSeconds(60);

    private static final Duration BOUND = Duration.ofSeconds(20);

    private static EmulatorSession session;

    @BeforeAll
    static void open() {
        session = EmulatorSession.open();
    }

    @AfterAll
    static void close() {
        session.close();
    }

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of(
                        "Lambda accepts every event",
                        RecordingRedelivery.accepting(),
                        false,
                        List.of(RULE_DEAD_LETTER, ON_FAILURE_RECORD),
                        List.of(UNRECOGNISED),
                        2),
                Arguments.of(
                        "Lambda refuses every event",
                        RecordingRedelivery.refusing(),
                        false,
                        List.of(RULE_DEAD_LETTER, ON_FAILURE_RECORD),
                        List.of(RULE_DEAD_LETTER, ON_FAILURE_RECORD, UNRECOGNISED),
                        0),
                Arguments.of(
                        "dry run",
                        RecordingRedelivery.accepting(),
                        true,
                        List.of(),
                        List.of(RULE_DEAD_LETTER, ON_FAILURE_RECORD, UNRECOGNISED),
                        0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void queueKeepsExactlyWhatWasNotHandedToLambda(
            String name,
            RecordingRedelivery lambda,
            boolean dryRun,
            List<String> invoked,
            List<String> remaining,
            int deletes) {
        try (DeadLetterQueueInEmulator queue = DeadLetterQueueInEmulator.create(session, "EmailDeadLetterQueue")) {
            // Arrange
            for (String sample : List.of(RULE_DEAD_LETTER, ON_FAILURE_RECORD, UNRECOGNISED)) {
                queue.send(DeadLetterQueueInEmulator.sample(sample));
            }
            SqsDeadLetterQueue sqs =
                    new SqsDeadLetterQueue(session.sqs(), queue.url(), Duration.ofSeconds(1), VISIBILITY);
            List<String> lines = new ArrayList<>();

            // Act
            RedriveReport report = SdkCalls.as(
                    "redrive", () -> new Redrive(sqs, lambda, EMAIL, dryRun, RedriveOptions.ALL, lines::add).run());

            // Assert
            assertThat(report.received()).as("messages received, each once").isEqualTo(3);
            assertThat(lambda.payloads)
                    .as("payloads, exactly as the senders wrote the events")
                    .containsExactlyInAnyOrderElementsOf(
                            invoked.stream().map(RedriveIT::originalEvent).toList());
            assertThat(SdkCalls.count("redrive", "Sqs.DeleteMessage", "ok")).isEqualTo(deletes);
            assertThat(queue.visibleBodies(BOUND))
                    .as("messages visible in the queue right after the run")
                    .containsExactlyInAnyOrderElementsOf(remaining.stream()
                            .map(sample ->
                                    DeadLetterQueueInEmulator.sample(sample).getBody())
                            .toList());
            assertThat(report.exitCode())
                    .as("an unrecognised message always needs the operator")
                    .isEqualTo(1);
            assertThat(lines).hasSize(3);
        }
    }

    /** The event a sample dead letter holds, as the unit-tested reader takes it out of the message. */
    private static String originalEvent(String sample) {
        SQSEvent.SQSMessage message = DeadLetterQueueInEmulator.sample(sample);
        Map<String, String> attributes = new HashMap<>();
        message.getMessageAttributes().forEach((key, value) -> attributes.put(key, value.getStringValue()));
        return DeadLetter.of(new QueueMessage(
                        message.getMessageId(), message.getReceiptHandle(), message.getBody(), attributes))
                .event();
    }
}
