package shop.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.redrive.Samples.EMAIL;
import static shop.redrive.Samples.ON_FAILURE_RECORD;
import static shop.redrive.Samples.RULE_DEAD_LETTER;
import static shop.redrive.Samples.UNRECOGNISED;
import static shop.redrive.Samples.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import shop.redrive.Outcome.LeftBecause;
import shop.redrive.Outcome.Result;

class RedriveTest {

    private final List<String> lines = new ArrayList<>();

    @Test
    void bothKindsAreRedrivenAndThenDeleted() {
        // Arrange
        QueueMessage rule = message(RULE_DEAD_LETTER);
        QueueMessage record = message(ON_FAILURE_RECORD);
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue(List.of(rule, record));
        RecordingRedelivery lambda = RecordingRedelivery.accepting();

        // Act
        RedriveReport report = redrive(queue, lambda, false, RedriveOptions.ALL);

        // Assert
        assertThat(lambda.payloads)
                .containsExactly(rule.body(), DeadLetter.of(record).event());
        assertThat(queue.deleted).containsExactly(rule.messageId(), record.messageId());
        assertThat(queue.remaining()).isEmpty();
        assertThat(report.count(Result.REDRIVEN)).isEqualTo(2);
        assertThat(report.exitCode()).isZero();
        assertThat(String.join("\n", report.summary()))
                .contains("received 2, redriven 2, left 0, unrecognised 0")
                .contains("idempotent on orderId");
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        "Lambda refuses the invoke",
                        RecordingRedelivery.answering(event -> {
                            throw new RedeliveryException(
                                    "Invoke of shop-EmailFunction-A1B2C3D4E5F6:live failed: Rate Exceeded. "
                                            + "(Service: Lambda, Status Code: 429)",
                                    null);
                        }),
                        LeftBecause.INVOKE_FAILED,
                        "Rate Exceeded."),
                Arguments.of(
                        "Lambda answers other than 202",
                        RecordingRedelivery.answering(event -> 200),
                        LeftBecause.INVOKE_FAILED,
                        "Lambda answered 200, not 202 Accepted"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void eventLambdaDidNotAcceptStaysInTheQueue(
            String name, RecordingRedelivery lambda, LeftBecause because, String detail) {
        // Arrange
        QueueMessage rule = message(RULE_DEAD_LETTER);
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue(List.of(rule));

        // Act
        RedriveReport report = redrive(queue, lambda, false, RedriveOptions.ALL);

        // Assert
        assertThat(lambda.payloads).hasSize(1);
        assertThat(queue.deleted).isEmpty();
        assertThat(queue.released).containsExactly(rule.messageId());
        assertThat(queue.remaining()).containsExactly(rule.messageId());
        assertThat(report.left()).containsExactly(Map.entry(because, 1L));
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(lines).singleElement().asString().startsWith("left").contains(detail);
    }

    @Test
    void redrivenEventWhoseDeleteFailsStaysAndIsReported() {
        // Arrange: the delete comes with a receipt handle SQS no longer accepts.
        QueueMessage rule = message(RULE_DEAD_LETTER);
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue(List.of(rule));
        RecordingRedelivery lambda = RecordingRedelivery.answering(event -> {
            queue.expireVisibility();
            queue.receive(1);
            return Redrive.ACCEPTED;
        });

        // Act
        RedriveReport report = redrive(queue, lambda, false, RedriveOptions.ALL);

        // Assert
        assertThat(lambda.payloads).hasSize(1);
        assertThat(queue.remaining()).containsExactly(rule.messageId());
        assertThat(report.left()).containsOnlyKeys(LeftBecause.DELETE_FAILED);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(lines)
                .singleElement()
                .asString()
                .contains("ReceiptHandleIsInvalid")
                .contains("idempotency");
    }

    @Test
    void unrecognisedMessageIsReportedAndLeftUntouched() {
        // Arrange
        QueueMessage foreign = message(UNRECOGNISED);
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue(List.of(foreign));
        RecordingRedelivery lambda = RecordingRedelivery.accepting();

        // Act
        RedriveReport report = redrive(queue, lambda, false, RedriveOptions.ALL);

        // Assert
        assertThat(lambda.payloads).isEmpty();
        assertThat(queue.deleted).isEmpty();
        assertThat(queue.remaining()).containsExactly(foreign.messageId());
        assertThat(queue.hidden()).isEmpty();
        assertThat(report.count(Result.UNRECOGNISED)).isEqualTo(1);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(lines).singleElement().asString().startsWith("unrecognised").contains(foreign.messageId());
    }

    @Test
    void deadLetterOfAnotherFunctionIsNotRedrivenHere() {
        // Arrange: the email function's dead letters, drained by mistake towards rewards.
        QueueMessage rule = message(RULE_DEAD_LETTER);
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue(List.of(rule));
        RecordingRedelivery lambda = RecordingRedelivery.accepting();
        FunctionTarget rewards = FunctionTarget.parse("shop-RewardsFunction-Z9Y8X7W6V5U4");

        // Act
        RedriveReport report = new Redrive(queue, lambda, rewards, false, RedriveOptions.ALL, lines::add).run();

        // Assert
        assertThat(lambda.payloads).isEmpty();
        assertThat(queue.remaining()).containsExactly(rule.messageId());
        assertThat(report.left()).containsOnlyKeys(LeftBecause.OTHER_FUNCTION);
        assertThat(lines).singleElement().asString().contains("--function shop-EmailFunction-A1B2C3D4E5F6");
    }

    @Test
    void dryRunListsEveryMessageAndInvokesAndDeletesNothing() {
        // Arrange
        List<QueueMessage> messages =
                List.of(message(RULE_DEAD_LETTER), message(ON_FAILURE_RECORD), message(UNRECOGNISED));
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue(messages);
        RecordingRedelivery lambda = RecordingRedelivery.accepting();

        // Act
        RedriveReport report = redrive(queue, lambda, true, RedriveOptions.ALL);

        // Assert
        assertThat(lambda.payloads).isEmpty();
        assertThat(queue.deleted).isEmpty();
        assertThat(queue.hidden()).as("every message visible again at once").isEmpty();
        assertThat(queue.remaining())
                .containsExactlyInAnyOrderElementsOf(
                        messages.stream().map(QueueMessage::messageId).toList());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .startsWith("would redrive")
                .contains(
                        "eventbridge-rule",
                        "event dc695040-9387-489f-8cfe-4393886dab09",
                        "order 9bad17fb-a2b1-4e22-8eed-5d50cba3539f",
                        "NO_PERMISSIONS: EventBridge is not allowed");
        assertThat(lines.get(1))
                .startsWith("would redrive")
                .contains(
                        "lambda-on-failure",
                        "event 727452a3-e75b-43f3-a53b-067e102d0b8a",
                        "order 85141e04-3a68-4de4-8737-67876611a13c",
                        "TooManyRequestsException: Maximum sending rate exceeded");
        assertThat(lines.get(2)).startsWith("unrecognised");
        assertThat(report.summary().get(0)).isEqualTo("dry run: received 3, would redrive 2, left 0, unrecognised 1");
        assertThat(report.exitCode())
                .as("an unrecognised message still needs the operator")
                .isEqualTo(1);
    }

    @Test
    void dryRunOfRecognisedMessagesOnlyExitsCleanly() {
        // Arrange
        FakeDeadLetterQueue queue =
                new FakeDeadLetterQueue(List.of(message(RULE_DEAD_LETTER), message(ON_FAILURE_RECORD)));

        // Act
        RedriveReport report = redrive(queue, RecordingRedelivery.accepting(), true, RedriveOptions.ALL);

        // Assert
        assertThat(queue.deleted).isEmpty();
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void maxBoundsTheMessagesTaken() {
        // Arrange: 25 dead letters; a run bounded to 12.
        QueueMessage rule = message(RULE_DEAD_LETTER);
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue(IntStream.rangeClosed(1, 25)
                .mapToObj(i -> Samples.copy(rule, "m-" + i))
                .toList());
        RecordingRedelivery lambda = RecordingRedelivery.accepting();

        // Act
        RedriveReport report = redrive(queue, lambda, false, 12);

        // Assert
        assertThat(queue.receiveSizes).containsExactly(10, 2);
        assertThat(report.received()).isEqualTo(12);
        assertThat(lambda.payloads).hasSize(12);
        assertThat(queue.deleted).hasSize(12);
        assertThat(queue.remaining()).hasSize(13);
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void batchInWhichLambdaAcceptedNothingStopsTheRun() {
        // Arrange: 25 dead letters, and Lambda refusing every invoke (throttled, say).
        QueueMessage rule = message(RULE_DEAD_LETTER);
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue(IntStream.rangeClosed(1, 25)
                .mapToObj(i -> Samples.copy(rule, "m-" + i))
                .toList());
        RecordingRedelivery lambda = RecordingRedelivery.answering(event -> {
            throw new RedeliveryException("Invoke failed: Rate Exceeded.", null);
        });

        // Act
        RedriveReport report = redrive(queue, lambda, false, RedriveOptions.ALL);

        // Assert
        assertThat(lambda.payloads).as("one batch tried, not the whole queue").hasSize(Redrive.BATCH);
        assertThat(queue.receiveSizes).hasSize(1);
        assertThat(queue.remaining()).hasSize(25);
        assertThat(queue.hidden()).isEmpty();
        assertThat(report.stoppedBy())
                .isEqualTo("Lambda accepted none of the last 10 events (reasons above); "
                        + "the rest of the queue was not tried");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void messageBackFromAnExpiredVisibilityTimeoutIsNotHandledTwice() {
        // Arrange: a failing invoke, then the visibility timeout runs out before the next receive.
        QueueMessage rule = message(RULE_DEAD_LETTER);
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue(List.of(rule));
        RecordingRedelivery lambda = RecordingRedelivery.answering(event -> {
            queue.expireVisibility();
            throw new RedeliveryException("Invoke failed: connection reset", null);
        });

        // Act
        RedriveReport report = redrive(queue, lambda, false, RedriveOptions.ALL);

        // Assert
        assertThat(lambda.payloads).hasSize(1);
        assertThat(report.received()).isEqualTo(1);
        assertThat(queue.released)
                .as("released under its newest receipt handle")
                .containsExactly(rule.messageId());
        assertThat(report.releaseFailures()).isEmpty();
        assertThat(queue.remaining()).containsExactly(rule.messageId());
    }

    @Test
    void queueFailureStopsTheRunAndReleasesWhatWasKept() {
        // Arrange: SQS fails the second receive.
        QueueMessage foreign = message(UNRECOGNISED);
        FakeDeadLetterQueue sqs = new FakeDeadLetterQueue(List.of(foreign));
        DeadLetterQueue queue = new DeadLetterQueue() {
            private int receives;

            @Override
            public List<QueueMessage> receive(int maxMessages) {
                if (++receives == 2) {
                    throw new QueueException("ReceiveMessage failed: Access to the resource is denied.", null);
                }
                return sqs.receive(maxMessages);
            }

            @Override
            public void delete(QueueMessage message) {
                sqs.delete(message);
            }

            @Override
            public void release(QueueMessage message) {
                sqs.release(message);
            }
        };

        // Act
        RedriveReport report = redrive(queue, RecordingRedelivery.accepting(), false, RedriveOptions.ALL);

        // Assert
        assertThat(report.stoppedBy()).contains("Access to the resource is denied");
        assertThat(sqs.hidden()).isEmpty();
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.summary())
                .contains("Stopped early: ReceiveMessage failed: Access to the resource is denied.");
    }

    @ParameterizedTest(name = "dry run {0}")
    @ValueSource(booleans = {false, true})
    void outputNamesNoCustomer(boolean dryRun) {
        // Arrange: every sample, each handled each way; one refusal so the 'left' line is printed too.
        QueueMessage rule = message(RULE_DEAD_LETTER);
        FakeDeadLetterQueue queue =
                new FakeDeadLetterQueue(List.of(rule, message(ON_FAILURE_RECORD), message(UNRECOGNISED)));
        RecordingRedelivery lambda = RecordingRedelivery.answering(event -> {
            if (event.equals(rule.body())) {
                throw new RedeliveryException("Invoke failed: throttled", null);
            }
            return Redrive.ACCEPTED;
        });

        // Act
        RedriveReport report = redrive(queue, lambda, dryRun, RedriveOptions.ALL);

        // Assert
        String output = String.join("\n", lines) + "\n" + String.join("\n", report.summary());
        for (String sample : List.of("order-created-no-signup.json", "order-created-rewards-signup.json")) {
            JsonNode detail = Samples.eventbridge(sample).path("detail");
            assertThat(output)
                    .doesNotContain(
                            detail.path("customer").path("email").asText(),
                            detail.path("customer").path("name").asText(),
                            detail.path("shippingAddress").path("line1").asText(),
                            detail.path("shippingAddress").path("postalCode").asText());
        }
    }

    private RedriveReport redrive(DeadLetterQueue queue, Redelivery lambda, boolean dryRun, int max) {
        return new Redrive(queue, lambda, EMAIL, dryRun, max, lines::add).run();
    }
}
