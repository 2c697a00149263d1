package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.checkout.publishing.CallLimits;
import shop.checkout.publishing.RetryPolicy;
import shop.template.SamTemplate;

/**
 * Checkout's publishing, retries and timeouts included, ends before its function's timeout and API Gateway's: a request
 * cut off by either reaches the client as a bare 5xx instead of checkout's truthful answer.
 */
class PublishingBudgetTest {

    /** HTTP APIs wait at most 30 seconds for an integration (API Gateway quotas). */
    private static final Duration HTTP_API_INTEGRATION_TIMEOUT = Duration.ofSeconds(30);
    /** What validation, logging and the answer itself may take besides publishing. */
    private static final Duration REST_OF_THE_REQUEST = Duration.ofSeconds(1);

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));

    @Test
    void theWorstCasePublishFitsTheFunctionTimeout() {
        Duration functionTimeout =
                Duration.ofSeconds(TEMPLATE.function("CheckoutFunction").timeout());

        Duration worstCase = CallLimits.STANDARD.worstCase(RetryPolicy.STANDARD);

        assertThat(worstCase.plus(REST_OF_THE_REQUEST)).isLessThan(functionTimeout);
    }

    @Test
    void theWorstCasePublishFitsTheApiGatewayTimeout() {
        assertThat(CallLimits.STANDARD.worstCase(RetryPolicy.STANDARD).plus(REST_OF_THE_REQUEST))
                .isLessThan(HTTP_API_INTEGRATION_TIMEOUT);
    }
}
