package shop.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The Lambda adapter through the real SDK client, on an HTTP client that answers without network. */
class LambdaRedeliveryTest {

    @Test
    void eventIsInvokedAsynchronouslyOnTheAliasWithItsOwnBytes() {
        // Arrange
        ScriptedHttpClient http = new ScriptedHttpClient(202, Map.of(), "");
        String event = DeadLetter.of(Samples.message(Samples.ON_FAILURE_RECORD)).event();

        // Act
        int status = new LambdaRedelivery(lambda(http), Samples.EMAIL).invokeAsync(event);

        // Assert
        assertThat(status).isEqualTo(202);
        ScriptedHttpClient.Sent invoke = http.sent.get(0);
        assertThat(invoke.request().encodedPath())
                .isEqualTo("/2015-03-31/functions/shop-EmailFunction-A1B2C3D4E5F6/invocations");
        assertThat(invoke.request().rawQueryParameters()).containsEntry("Qualifier", List.of("live"));
        assertThat(invoke.request().firstMatchingHeader("X-Amz-Invocation-Type"))
                .hasValue("Event");
        assertThat(invoke.bodyText()).isEqualTo(event);
    }

    @Test
    void refusalBecomesRedeliveryExceptionNamingTheTargetAndError() {
        // Arrange: Lambda's throttling answer.
        ScriptedHttpClient http = new ScriptedHttpClient(
                429,
                Map.of("x-amzn-ErrorType", "TooManyRequestsException", "Content-Type", "application/json"),
                "{\"Type\":\"User\",\"message\":\"Rate"
                        + " Exceeded.\",\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\"}");
        LambdaRedelivery redelivery = new LambdaRedelivery(lambda(http), Samples.EMAIL);

        // Act, Assert
        assertThatThrownBy(() -> redelivery.invokeAsync("{}"))
                .isInstanceOf(RedeliveryException.class)
                .hasMessageContaining("shop-EmailFunction-A1B2C3D4E5F6:live")
                .hasMessageContaining("Rate Exceeded.");
    }

    private static LambdaClient lambda(ScriptedHttpClient http) {
        return LambdaClient.builder()
                .region(Region.EU_WEST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(http)
                .build();
    }
}
