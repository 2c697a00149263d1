package shop.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.redrive.QueueMessage;

class JourneyTest {

    private static final String ORDER = "85141e04-3a68-4de4-8737-67876611a13c";
    private static final String OTHER_ORDER = "9bad17fb-a2b1-4e22-8eed-5d50cba3539f";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSources sources = new FakeSources();

    private OrderStory tell(Optional<String> customer) {
        return new Journey(Samples.TEMPLATE, sources, sources, sources).tell(ORDER, customer);
    }

    private static OrderStory.FunctionStory of(OrderStory story, String function) {
        return story.functions().stream()
                .filter(f -> f.function().equals(function))
                .findFirst()
                .orElseThrow();
    }

    private static String line(String function, String event, String requestId, String outcome) {
        return JSON.createObjectNode()
                .put("level", "INFO")
                .put("function", function)
                .put("event", event)
                .put("orderId", ORDER)
                .put("requestId", requestId)
                .put("outcome", outcome)
                .toString();
    }

    @Test
    void aRuleDeliveredTheOrderWhenItsFunctionWroteAboutIt() {
        sources.line(
                        "EmailFunction",
                        "2026-11-30T10:00:01Z",
                        line("EmailFunction", "confirmation.handled", "r-1", "SENT"))
                .line(
                        "WarehouseFunction",
                        "2026-11-30T10:00:01Z",
                        line("WarehouseFunction", "shipment.requested", "r-2", "RECORDED")
                                .replace(ORDER, OTHER_ORDER));

        OrderStory story = tell(Optional.empty());

        assertThat(of(story, "EmailFunction").reached()).isTrue();
        assertThat(of(story, "EmailFunction").rule()).contains("EmailFunctionOrderCreated");
        assertThat(of(story, "WarehouseFunction").reached()).isFalse();
        assertThat(story.functions().get(0).function()).as("producers first").isEqualTo("CheckoutFunction");
    }

    @Test
    void everyReportUnderOneRequestIdIsAnAttemptBecauseLambdaRetriesUnderTheSameId() {
        sources.line("WarehouseFunction", "2026-11-30T10:00:01Z", line("WarehouseFunction", "x", "r-1", "FAILED"))
                .report("WarehouseFunction", "2026-11-30T10:00:02Z", "r-1", 800.0, "error")
                .line(
                        "WarehouseFunction",
                        "2026-11-30T10:01:03Z",
                        line("WarehouseFunction", "shipment.requested", "r-1", "RECORDED"))
                .report("WarehouseFunction", "2026-11-30T10:01:04Z", "r-1", 250.5, "success");

        OrderStory.FunctionStory warehouse = of(tell(Optional.empty()), "WarehouseFunction");

        assertThat(warehouse.attempts()).extracting(OrderStory.Attempt::status).containsExactly("error", "success");
        assertThat(warehouse.attempts())
                .extracting(attempt -> attempt.durationMs().orElseThrow())
                .containsExactly(800.0, 250.5);
        assertThat(warehouse.attempts().get(0).time()).isEqualTo("2026-11-30T10:00:01.200Z");
        assertThat(warehouse.lines()).hasSize(2).noneMatch(LogEntry::isReport);
    }

    @Test
    void linesWithoutAReportMakeOneUnreportedAttempt() {
        sources.line(
                "RewardsFunction",
                "2026-11-30T10:00:01Z",
                line("RewardsFunction", "points.credited", "r-9", "CREDITED"));

        OrderStory.FunctionStory rewards = of(tell(Optional.empty()), "RewardsFunction");

        assertThat(rewards.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.status()).isEqualTo("unreported");
            assertThat(attempt.durationMs()).isEmpty();
        });
    }

    @Test
    void onlyTheOrdersOwnDeadLettersAreShown() {
        QueueMessage mine = Samples.queueMessage("lambda-on-failure-record.json");
        QueueMessage other = Samples.queueMessage("eventbridge-rule-dead-letter.json");
        sources.deadLetter("EmailDeadLetterQueue", ParkedEvent.of(mine))
                .deadLetter("EmailDeadLetterQueue", ParkedEvent.of(other));

        OrderStory story = tell(Optional.empty());

        assertThat(of(story, "EmailFunction").deadLetters())
                .singleElement()
                .satisfies(letter -> assertThat(letter.reason()).contains("after 3 attempts"));
        assertThat(of(story, "WarehouseFunction").deadLetters()).isEmpty();
    }

    @Test
    void aParkedEventsCustomerOpensTheTableKeyedByCustomer() {
        QueueMessage parked = Samples.queueMessage("lambda-on-failure-record.json");
        sources.deadLetter("EmailDeadLetterQueue", ParkedEvent.of(parked))
                .item("RewardsTable", Map.of("customerId", "cust-1001", "entry", "ORDER#" + ORDER, "points", 42));

        OrderStory.FunctionStory rewards = of(tell(Optional.empty()), "RewardsFunction");

        assertThat(rewards.written()).singleElement().satisfies(written -> {
            assertThat(written.notRead()).isEmpty();
            assertThat(written.items())
                    .containsExactly(Map.of("customerId", "cust-1001", "entry", "ORDER#" + ORDER, "points", "42"));
        });
    }

    @Test
    void withoutACustomerIdTheTableKeyedByCustomerIsNotReadAndSaysWhy() {
        OrderStory.FunctionStory rewards = of(tell(Optional.empty()), "RewardsFunction");

        assertThat(rewards.written())
                .singleElement()
                .satisfies(written -> assertThat(written.notRead())
                        .hasValueSatisfying(why -> assertThat(why).contains("--customer")));
        assertThat(sources.tablesRead).noneMatch(read -> read.startsWith("RewardsTable"));
    }

    @Test
    void aPartitionKeyReadsEveryPartOfTheOrderAndShowsOnlyWhatHappened() {
        sources.item("SalesTable", Map.of("pk", "ORDER#" + ORDER, "sk", "PART#1", "skus", 2))
                .item("SalesTable", Map.of("pk", "ORDER#" + ORDER, "sk", "PART#2", "skus", 1))
                .item(
                        "ShipmentsTable",
                        Map.of(
                                "orderId",
                                ORDER,
                                "status",
                                "PENDING",
                                "recipientName",
                                "Mira Kovac",
                                "shippingAddress",
                                Map.of()));

        OrderStory story = tell(Optional.empty());

        assertThat(of(story, "AnalyticsFunction").written().get(0).items())
                .extracting(item -> item.get("sk"))
                .containsExactly("PART#1", "PART#2");
        assertThat(of(story, "WarehouseFunction").written().get(0).items())
                .singleElement()
                .isEqualTo(Map.of("orderId", ORDER, "status", "PENDING"));
    }
}
