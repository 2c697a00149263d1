package shop.subscriber;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportedFailureTest {

    @Test
    void logFieldsComeInNameValuePairs() {
        assertThatThrownBy(() -> new ReportedFailure("held", "test.held", "duplicate") {})
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name/value pairs, got 1");
    }
}
