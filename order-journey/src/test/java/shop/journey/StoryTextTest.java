package shop.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoryTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER = "85141e04-3a68-4de4-8737-67876611a13c";

    private static String tell(LogEntry line) {
        OrderStory.FunctionStory email = new OrderStory.FunctionStory(
                "EmailFunction",
                Optional.of("EmailFunctionOrderCreated"),
                List.of(),
                List.of(line),
                List.of(),
                List.of());
        return StoryText.of(new OrderStory(ORDER, List.of(email)), "test");
    }

    @Test
    void anEmbeddedMetricObjectIsShownAsTheMetricsItWrites() {
        String emf = JSON.createObjectNode()
                .put("Function", "EmailFunction")
                .put("orderId", ORDER)
                .put("OrdersProcessed", 1)
                .put("OrderAgeMs", 812)
                .set("_aws", JSON.createObjectNode().put("Timestamp", 1764496800000L))
                .toString();

        String text = tell(LogEntry.parse("EmailFunction", Instant.EPOCH, Optional.of("r-1"), emf));

        assertThat(text)
                .contains("    metrics OrdersProcessed=1 OrderAgeMs=812\n")
                .doesNotContain("Timestamp");
    }

    @Test
    void aLogLineShowsItsLevelEventAndOwnFields() {
        String line = JSON.createObjectNode()
                .put("level", "WARN")
                .put("event", "event.rejected")
                .put("orderId", ORDER)
                .put("requestId", "r-1")
                .put("outcome", "REJECTED")
                .toString();

        String text = tell(LogEntry.parse("EmailFunction", Instant.EPOCH, Optional.empty(), line));

        assertThat(text).contains("    WARN event.rejected outcome=REJECTED\n");
    }

    @Test
    void aLineThatIsNotJsonIsShownAsItsText() {
        String text = tell(LogEntry.parse("EmailFunction", Instant.EPOCH, Optional.of("r-1"), "plain words " + ORDER));

        assertThat(text).contains("    - plain words " + ORDER + "\n");
    }
}
