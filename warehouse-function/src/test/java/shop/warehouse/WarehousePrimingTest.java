package shop.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.wiring.Environment;
import shop.wiring.priming.CannedHttpClient;

class WarehousePrimingTest {

    // The endpoint is a closed port: priming must never use it, only the canned client.
    private static final Environment ENV = new Environment(WarehouseHandler.FUNCTION, Map.of(
            "AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:9", WarehouseHandler.SHIPMENTS_TABLE, "Shipments"));

    @Test
    void primingRecordsTheSampleOrderThroughTheCannedClientOnly() {
        // Arrange
        CannedHttpClient dynamo = CannedHttpClient.answering("{}");
        WarehousePriming priming = new WarehousePriming(ENV, dynamo);

        // Act
        priming.beforeCheckpoint(null);

        // Assert
        assertThat(dynamo.requests()).hasSize(WarehousePriming.ROUNDS).containsOnly("DynamoDB_20120810.PutItem");
    }

    @Test
    void primingFailsTheSnapshotWhenTheHandlerFails() {
        // Arrange: an answer the SDK cannot read as a PutItem result
        WarehousePriming priming = new WarehousePriming(ENV, CannedHttpClient.answering("not json"));

        // Act / Assert
        assertThatThrownBy(() -> priming.beforeCheckpoint(null)).isInstanceOf(RuntimeException.class);
    }
}
