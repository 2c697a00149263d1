package shop.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeadLetterTest {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(
                        "lambda-on-failure-record.json",
                        "85141e04-3a68-4de4-8737-67876611a13c",
                        "cust-1001",
                        3,
                        "Lambda",
                        "RetriesExhausted"),
                Arguments.of(
                        "eventbridge-rule-dead-letter.json",
                        "9bad17fb-a2b1-4e22-8eed-5d50cba3539f",
                        "cust-1002",
                        0,
                        "EventBridge",
                        "NO_PERMISSIONS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachWritersMessageNamesItsOrderAttemptsAndReason(
            String sample, String orderId, String customerId, int attempts, String writer, String reason) {
        Samples.QueueMessage message = Samples.queueMessage(sample);

        DeadLetter letter = DeadLetter.parse("EmailFunction", message.body(), message.attributes());

        assertThat(letter.orderId()).isEqualTo(orderId);
        assertThat(letter.customerId()).isEqualTo(customerId);
        assertThat(letter.attempts()).isEqualTo(attempts);
        assertThat(letter.writer()).isEqualTo(writer);
        assertThat(letter.reason()).contains(reason);
    }

    @Test
    void aMessageThatIsNotJsonIsNamedWithItsQueuesFunction() {
        assertThatThrownBy(() -> DeadLetter.parse("EmailFunction", "not json", Map.of()))
                .hasMessageContaining("dead-letter queue of EmailFunction");
    }
}
