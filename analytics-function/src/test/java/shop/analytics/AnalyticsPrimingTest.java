package shop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.wiring.Environment;
import shop.wiring.priming.CannedHttpClient;

class AnalyticsPrimingTest {

    // The endpoint is a closed port: priming must never use it, only the canned client.
    private static final Environment ENV = new Environment(AnalyticsHandler.FUNCTION, Map.of(
            "AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:9", AnalyticsHandler.SALES_TABLE, "Sales"));

    @Test
    void primingRecordsTheSampleOrderThroughTheCannedClientOnly() {
        // Arrange
        CannedHttpClient dynamo = CannedHttpClient.answering("{}");
        AnalyticsPriming priming = new AnalyticsPriming(ENV, dynamo);

        // Act
        priming.beforeCheckpoint(null);

        // Assert
        assertThat(dynamo.requests()).hasSize(AnalyticsPriming.ROUNDS).containsOnly("DynamoDB_20120810.TransactWriteItems");
    }

    @Test
    void primingFailsTheSnapshotWhenTheHandlerFails() {
        // Arrange: an answer the SDK cannot read as a TransactWriteItems result
        AnalyticsPriming priming = new AnalyticsPriming(ENV, CannedHttpClient.answering("not json"));

        // Act / Assert
        assertThatThrownBy(() -> priming.beforeCheckpoint(null)).isInstanceOf(RuntimeException.class);
    }
}
