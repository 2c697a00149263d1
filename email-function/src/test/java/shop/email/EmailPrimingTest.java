package shop.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.wiring.Environment;
import shop.wiring.priming.CannedHttpClient;

class EmailPrimingTest {

    // The endpoint is a closed port: priming must never use it, only the canned clients.
    private static final Environment ENV = new Environment(EmailHandler.FUNCTION, Map.of(
            "AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:9",
            EmailHandler.CONFIRMATIONS_TABLE, "Confirmations", EmailHandler.SENDER_ADDRESS, "orders@example.com"));

    @Test
    void primingClaimsSendsAndMarksTheSampleOrderThroughTheCannedClientsOnly() {
        // Arrange
        CannedHttpClient dynamo = CannedHttpClient.answering("{}");
        CannedHttpClient ses = CannedHttpClient.answering("{\"MessageId\":\"priming\"}");
        EmailPriming priming = new EmailPriming(ENV, dynamo, ses);

        // Act
        priming.beforeCheckpoint(null);

        // Assert
        assertThat(Collections.frequency(dynamo.requests(), "DynamoDB_20120810.PutItem")).isEqualTo(EmailPriming.ROUNDS);
        assertThat(Collections.frequency(dynamo.requests(), "DynamoDB_20120810.UpdateItem")).isEqualTo(EmailPriming.ROUNDS);
        assertThat(dynamo.requests()).hasSize(2 * EmailPriming.ROUNDS);
        assertThat(ses.requests()).hasSize(EmailPriming.ROUNDS).containsOnly("POST /v2/email/outbound-emails");
    }

    @Test
    void primingFailsTheSnapshotWhenTheHandlerFails() {
        // Arrange: SES answers something that is not a SendEmail result
        EmailPriming priming = new EmailPriming(ENV, CannedHttpClient.answering("{}"), CannedHttpClient.answering("not json"));

        // Act / Assert
        assertThatThrownBy(() -> priming.beforeCheckpoint(null)).isInstanceOf(RuntimeException.class);
    }
}
