package shop.analytics;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnalyticsHandlerWiringTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "test",
            "AWS_SECRET_ACCESS_KEY", "test",
            "AWS_ENDPOINT_URL", "http://localhost:4566",
            AnalyticsHandler.SALES_TABLE, "SalesTable-test");

    @Test
    void buildsFromACompleteEnvironmentWithoutCallingAws() {
        assertThatCode(() -> new AnalyticsHandler(ENVIRONMENT)).doesNotThrowAnyException();
    }

    static Stream<Arguments> missing() {
        return Stream.of(
                arguments("no table name", AnalyticsHandler.SALES_TABLE),
                arguments("no region", "AWS_REGION"),
                arguments("no credentials", "AWS_ACCESS_KEY_ID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missing")
    void failsAtStartNamingTheMissingVariable(String name, String variable) {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.remove(variable);

        assertThatThrownBy(() -> new AnalyticsHandler(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(variable)
                .hasMessageContaining("analytics-function");
    }
}
