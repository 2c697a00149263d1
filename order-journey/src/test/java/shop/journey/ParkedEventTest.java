package shop.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.redrive.QueueMessage;

class ParkedEventTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            lambda-on-failure-record.json     | 85141e04-3a68-4de4-8737-67876611a13c | cust-1001 | Lambda      \
            | RetriesExhausted after 3 attempts
            eventbridge-rule-dead-letter.json | 9bad17fb-a2b1-4e22-8eed-5d50cba3539f | cust-1002 | EventBridge \
            | NO_PERMISSIONS
            """)
    void eachWritersMessageNamesItsOrderCustomerAndReason(
            String sample, String orderId, String customerId, String writer, String reason) {
        ParkedEvent letter = ParkedEvent.of(Samples.queueMessage(sample));

        assertThat(letter.orderId()).isEqualTo(orderId);
        assertThat(letter.customerId()).isEqualTo(customerId);
        assertThat(letter.writer()).isEqualTo(writer);
        assertThat(letter.reason()).contains(reason);
    }

    @Test
    void anAddressInTheErrorIsMaskedAsRedriveMasksIt() throws Exception {
        QueueMessage sample = Samples.queueMessage("lambda-on-failure-record.json");
        ObjectNode record = (ObjectNode) new ObjectMapper().readTree(sample.body());
        ((ObjectNode) record.path("responsePayload"))
                .put("errorMessage", "Email address is not verified: mira.kovac@example.com");

        ParkedEvent letter = ParkedEvent.of(new QueueMessage("m-1", "r-1", record.toString(), Map.of()));

        assertThat(letter.reason()).doesNotContain("mira.kovac@example.com").contains("<email address>");
    }

    @Test
    void aMessageThatIsNotJsonIsShownAsUnrecognisedNotDropped() {
        ParkedEvent letter = ParkedEvent.of(new QueueMessage("m-1", "r-1", "not json", Map.of()));

        assertThat(letter.writer()).isEqualTo("unrecognised");
        assertThat(letter.reason()).contains("not JSON");
    }
}
