package shop.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportedFailureTest {

    @Test
    void keepsItsLogEventAndFieldsApartFromItsMessage() {
        ReportedFailure failure = new ReportedFailure("Hana Sato's order", "test.held", "duplicate", true) {};

        assertThat(failure.logEvent()).isEqualTo("test.held");
        assertThat(failure.logFields()).containsExactly("duplicate", true);
        assertThat(failure).hasMessage("Hana Sato's order");
    }

    @Test
    void logFieldsComeInNameValuePairs() {
        assertThatThrownBy(() -> new ReportedFailure("held", "test.held", "duplicate") {})
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name/value pairs, got 1");
    }
}
