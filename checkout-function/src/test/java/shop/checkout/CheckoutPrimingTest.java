package shop.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.wiring.Environment;
import shop.wiring.priming.CannedHttpClient;

class CheckoutPrimingTest {

    // The endpoint is a closed port: priming must never use it, only the canned client.
    private static final Environment ENV = new Environment(
            CheckoutHandler.FUNCTION,
            Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "EVENT_BUS_NAME", "OrdersBus"));

    @Test
    void primingPlacesTheSampleOrderThroughTheCannedBusOnly() throws Exception {
        // Arrange
        CannedHttpClient bus =
                CannedHttpClient.answering("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}");
        CheckoutPriming priming = new CheckoutPriming(ENV, bus);

        // Act
        priming.beforeCheckpoint(null);

        // Assert
        assertThat(bus.requests()).hasSize(CheckoutPriming.ROUNDS).containsOnly("AWSEvents.PutEvents");
    }

    @Test
    void primingWritesTheLogLineAndTheMetricsOfEachRoundThroughASinkThatDropsThem() throws Exception {
        // Arrange
        CheckoutPriming priming = new CheckoutPriming(
                ENV, CannedHttpClient.answering("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}"));

        // Act
        priming.beforeCheckpoint(null);

        // Assert: one INFO line (order.accepted) and one metrics object (UNDEFINED) per round, formatted then dropped
        assertThat(priming.invocation().dropped())
                .containsEntry(LogLevel.INFO, CheckoutPriming.ROUNDS)
                .containsEntry(LogLevel.UNDEFINED, CheckoutPriming.ROUNDS);
    }

    @Test
    void primingFailsTheSnapshotWhenCheckoutDoesNotAccept() throws Exception {
        // Arrange: the bus refuses the entry, so checkout answers 500 instead of 202
        CheckoutPriming priming = new CheckoutPriming(
                ENV,
                CannedHttpClient.answering(
                        "{\"FailedEntryCount\":1,\"Entries\":[{\"ErrorCode\":\"AccessDeniedException\","
                                + "\"ErrorMessage\":\"no\"}]}"));

        // Act / Assert
        assertThatThrownBy(() -> priming.beforeCheckpoint(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("500");
    }
}
