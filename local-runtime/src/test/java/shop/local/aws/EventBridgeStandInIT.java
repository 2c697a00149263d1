package shop.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** The EventBridge stand-in, driven by the real SDK v2 client: accepted entries reach the bus, refused ones say why. */
class EventBridgeStandInIT {

    @TempDir
    Path folder;

    StandInFixture aws;
    EventBridgeClient events;

    @BeforeEach
    void start() {
        aws = new StandInFixture(folder);
        events = aws.eventsClient();
    }

    @AfterEach
    void stop() {
        events.close();
        aws.close();
    }

    @Test
    void acceptedEntryIsAnsweredWithItsIdAndReachesTheBus() {
        Instant time = Instant.parse("2025-03-14T09:26:53.250Z");

        PutEventsResponse response = events.putEvents(b -> b.entries(entry("{\"orderId\":\"ord-1\"}").toBuilder()
                .time(time)
                .resources("arn:aws:events:eu-west-1:123456789012:rule/x")
                .build()));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(response.entries()).extracting(PutEventsResultEntry::eventId).containsExactly("event-1");
        assertThat(aws.bus.puts).singleElement().satisfies(put -> {
            assertThat(put.bus()).isEqualTo("OrdersBus");
            assertThat(put.source()).isEqualTo("shop.checkout");
            assertThat(put.detailType()).isEqualTo("OrderCreated");
            assertThat(put.detail().path("orderId").asText()).isEqualTo("ord-1");
            assertThat(put.time()).isEqualTo(time);
            assertThat(put.resources()).containsExactly("arn:aws:events:eu-west-1:123456789012:rule/x");
        });
        assertThat(aws.effects.take("local"))
                .singleElement()
                .satisfies(effect ->
                        assertThat(EventBridgeService.eventIdOf(effect)).contains("event-1"));
    }

    @Test
    void eachRefusedEntryIsAnsweredWithItsOwnErrorAndCounted() {
        PutEventsResponse response = events.putEvents(b -> b.entries(
                entry("{\"orderId\":\"ord-1\"}"),
                entry("not json"),
                entry("{\"orderId\":\"ord-2\"}").toBuilder()
                        .eventBusName("NoSuchBus")
                        .build(),
                entry("{}").toBuilder().detailType(null).build()));

        assertThat(response.failedEntryCount()).isEqualTo(3);
        assertThat(response.entries())
                .extracting(PutEventsResultEntry::errorCode)
                .containsExactly(null, "MalformedDetail", "ResourceNotFoundException", "InvalidArgument");
        assertThat(aws.bus.puts).hasSize(1);
    }

    @Test
    void busMayBeNamedByArn() {
        PutEventsResponse response = events.putEvents(b -> b.entries(entry("{}").toBuilder()
                .eventBusName("arn:aws:events:eu-west-1:123456789012:event-bus/OrdersBus")
                .build()));

        assertThat(response.failedEntryCount()).isZero();
    }

    @Test
    void moreThanTenEntriesAreRefusedWhole() {
        PutEventsRequestEntry[] entries =
                IntStream.range(0, 11).mapToObj(i -> entry("{}")).toArray(PutEventsRequestEntry[]::new);

        assertThatThrownBy(() -> events.putEvents(b -> b.entries(entries)))
                .isInstanceOfSatisfying(
                        EventBridgeException.class,
                        refused -> assertThat(refused.awsErrorDetails().errorCode())
                                .isEqualTo("ValidationException"));
        assertThat(aws.bus.puts).isEmpty();
    }

    @Test
    void requestOverTheSizeLimitIsRefusedWhole() {
        String big = "{\"padding\":\"" + String.join("", Collections.nCopies(EventBridgeService.MAX_REQUEST_BYTES, "x"))
                + "\"}";

        assertThatThrownBy(() -> events.putEvents(b -> b.entries(entry(big))))
                .isInstanceOfSatisfying(
                        EventBridgeException.class,
                        refused -> assertThat(refused.awsErrorDetails().errorMessage())
                                .contains("over the limit"));
    }

    private static PutEventsRequestEntry entry(String detail) {
        return PutEventsRequestEntry.builder()
                .eventBusName("OrdersBus")
                .source("shop.checkout")
                .detailType("OrderCreated")
                .detail(detail)
                .build();
    }
}
