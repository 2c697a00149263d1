package shop.journey.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.journey.Journey;
import shop.journey.OrderStory;
import shop.journey.StoryText;
import shop.template.SamTemplate;

/** Reads a data folder the local runtime wrote for one order (./run-local --once post-order-rewards-signup.json). */
class LocalDataTest {

    static final Path FOLDER = Path.of("src/test/resources/local-data");
    static final String ORDER = "1a068d70-649c-47dd-a743-d5dbf5b5364c";

    private final LocalData data = new LocalData(FOLDER);
    private final SamTemplate template = SamTemplate.load(SamTemplate.locate(Path.of("")));

    @Test
    void everySubscriberOfTheSignupOrderWasReachedOnceAndSucceeded() {
        OrderStory story = new Journey(template, data, data, data).tell(ORDER, Optional.empty());

        assertThat(story.functions()).allSatisfy(function -> {
            assertThat(function.reached()).as(function.function()).isTrue();
            assertThat(function.attempts())
                    .as(function.function())
                    .singleElement()
                    .satisfies(attempt -> {
                        assertThat(attempt.status()).isEqualTo("success");
                        assertThat(attempt.durationMs())
                                .hasValueSatisfying(ms -> assertThat(ms).isPositive());
                    });
            assertThat(function.deadLetters()).isEmpty();
        });
    }

    @Test
    void theStoryShowsWhatWasWrittenAndNoCustomerDetail() {
        OrderStory story = new Journey(template, data, data, data).tell(ORDER, Optional.of("cust-4711"));

        String text = StoryText.of(story, "local data");

        assertThat(text)
                .contains(
                        "EmailFunctionOrderCreated     -> EmailFunction      delivered",
                        "wrote ConfirmationsTable orderId=" + ORDER + " status=SENT",
                        "wrote ShipmentsTable orderId=" + ORDER + " status=PENDING",
                        "wrote RewardsTable customerId=cust-4711 entry=ORDER#" + ORDER + " points=43",
                        "wrote SalesTable pk=ORDER#" + ORDER + " sk=PART#1",
                        "INFO points.credited");
        // The shipment item holds the recipient's name and address; journey never prints them.
        assertThat(Files.exists(FOLDER.resolve("dynamodb/ShipmentsTable/orderId=" + ORDER + ".json")))
                .isTrue();
        assertThat(text).doesNotContain("Marlowe", "Lindenhof", "recipientName", "shippingAddress");
    }

    @Test
    void itemsMatchOnEveryKeyPartGiven() {
        assertThat(data.items("RewardsTable", Map.of("customerId", "cust-4711")))
                .hasSize(2);
        assertThat(data.items("RewardsTable", Map.of("customerId", "cust-4711", "entry", "BALANCE")))
                .hasSize(1);
        assertThat(data.items("RewardsTable", Map.of("customerId", "cust-0000")))
                .isEmpty();
    }

    @Test
    void aFolderTheRuntimeNeverWroteIsNamedWithTheWayOut(@TempDir Path empty) {
        assertThatThrownBy(() -> new LocalData(empty.resolve("missing")))
                .hasMessageContaining("missing")
                .hasMessageContaining("run ./run-local first");
    }
}
