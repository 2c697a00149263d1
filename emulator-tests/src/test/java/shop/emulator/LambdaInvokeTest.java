package shop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import shop.template.SamTemplate;

class LambdaInvokeTest {

    private static final Path EVENTS = SamTemplate.locate(Path.of("")).resolveSibling("events");

    @Test
    void envelopeReachesTheHandlerAsTheJavaRuntimeMapsIt() throws IOException {
        // Arrange
        JsonNode envelope = new ObjectMapper().readTree(EVENTS.resolve("eventbridge/order-created-rewards-signup.json").toFile());

        // Act
        ScheduledEvent event = LambdaInvoke.eventBridgeEvent(envelope);

        // Assert: the runtime's mapping keeps the hyphenated detail-type and the detail as a nested map.
        assertThat(event.getDetailType()).isEqualTo("OrderCreated");
        assertThat(event.getSource()).isEqualTo("shop.checkout");
        assertThat(event.getId()).isEqualTo(envelope.path("id").asText());
        assertThat(event.getDetail()).containsEntry("orderId", envelope.path("detail").path("orderId").asText());
        assertThat(event.getDetail().get("customer")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("rewardsSignup", true);
    }
}
