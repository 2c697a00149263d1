package shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrimingOrderTest {

    @Test
    void primingOrderIsAValidCurrentEvent() {
        // Arrange
        SchemaCheck producer = SchemaCheck.producer(OrderCreatedEvent.CURRENT_VERSION);

        // Act
        var violations = producer.violations(EventJson.toTree(PrimingOrder.order()));

        // Assert
        assertThat(violations).isEmpty();
    }
}
