package shop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import shop.analytics.InMemorySalesLedger.Counters;
import shop.events.InvalidEventException;

class AnalyticsHandlerTest {

    private static final Instant NOW = Instant.parse("2025-11-03T09:15:30Z");

    private final InMemorySalesLedger ledger = new InMemorySalesLedger();
    private final AnalyticsHandler handler = new AnalyticsHandler(ledger, Clock.fixed(NOW, ZoneOffset.UTC));
    private final CapturingContext context = new CapturingContext();

    static Stream<Arguments> samples() {
        return Stream.of(
                arguments("two SKUs in euros", "order-created-rewards-signup.json", Map.of(
                        "CUP-ESP-2/EUR", new Counters(2, 2500, 1),
                        "GRD-HND-1/EUR", new Counters(1, 1750, 1))),
                arguments("an order without rewards signup counts too", "order-created-no-signup.json", Map.of(
                        "NB-A5-DOT/EUR", new Counters(3, 1197, 1),
                        "PEN-FNT-F/EUR", new Counters(1, 2999, 1))),
                arguments("yen are counted apart from euros", "order-created-jpy.json", Map.of(
                        "TEA-SEN-100/JPY", new Counters(2, 3600, 1),
                        "CUP-YUN-1/JPY", new Counters(1, 950, 1))),
                arguments("a 1.1 event with new fields still counts", "compatible/order-created-1.1-new-fields.json", Map.of(
                        "CUP-ESP-2/EUR", new Counters(2, 2500, 1),
                        "GRD-HND-1/EUR", new Counters(1, 1750, 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void addsTheOrdersSalesPerSkuAndCurrency(String name, String file, Map<String, Counters> expected) {
        handler.handleRequest(Samples.load(file), context);

        assertThat(ledger.keys()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, counters) -> {
            String[] skuAndCurrency = key.split("/");
            assertThat(ledger.of(skuAndCurrency[0], skuAndCurrency[1])).as(key).isEqualTo(counters);
        });
        assertThat(context.all()).contains("\"event\":\"sales.recorded\"", "\"skus\":" + expected.size());
    }

    @Test
    void sameEventDeliveredTwiceCountsOnce() {
        ScheduledEvent event = Samples.load("order-created-rewards-signup.json");

        handler.handleRequest(event, context);
        handler.handleRequest(event, context);

        assertThat(ledger.of("CUP-ESP-2", "EUR")).isEqualTo(new Counters(2, 2500, 1));
        assertThat(context.lines().get(0)).contains("\"outcome\":\"RECORDED\"", "\"duplicate\":false");
        assertThat(context.lines().get(1)).contains("\"outcome\":\"ALREADY_RECORDED\"", "\"duplicate\":true");
    }

    @Test
    void sameOrderUnderANewEventIdCountsOnce() {
        handler.handleRequest(Samples.load("order-created-rewards-signup.json"), context);

        handler.handleRequest(Samples.redelivered("order-created-rewards-signup.json"), context);

        assertThat(ledger.of("CUP-ESP-2", "EUR")).isEqualTo(new Counters(2, 2500, 1));
        assertThat(context.lines().get(1)).contains("\"duplicate\":true");
    }

    @Test
    void differentOrdersOfTheSameSkuAddUp() {
        handler.handleRequest(Samples.load("order-created-rewards-signup.json"), context);

        handler.handleRequest(Samples.load("compatible/order-created-1.1-new-fields.json"), context);

        assertThat(ledger.of("CUP-ESP-2", "EUR")).isEqualTo(new Counters(4, 5000, 2));
    }

    static Stream<Arguments> poison() {
        return Stream.of(
                arguments("missing order id", "poison/missing-order-id.json", "orderId"),
                arguments("missing total", "poison/missing-total.json", "total"),
                arguments("unknown major version", "poison/unknown-major.json", "schemaVersion 2.0 is not supported"),
                arguments("wrong detail-type", "poison/wrong-detail-type.json", "detail-type is 'OrderCancelled'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison")
    void poisonEventIsRejectedNamingTheReasonAndCountsNothing(String name, String file, String reason) {
        ScheduledEvent event = Samples.load(file);

        assertThatThrownBy(() -> handler.handleRequest(event, context))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.problems()).anySatisfy(problem -> assertThat(problem).contains(reason)));
        assertThat(ledger.keys()).isEmpty();
        assertThat(context.all()).contains("event.rejected", reason);
    }

    /** Analytics reads no customer data and no address, so an event missing them still counts. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"poison/missing-customer-email.json", "poison/missing-shipping-address.json"})
    void fieldsThisConsumerDoesNotReadMayBeMissing(String file) {
        handler.handleRequest(Samples.load(file), context);

        assertThat(ledger.of("CUP-ESP-2", "EUR")).isEqualTo(new Counters(2, 2500, 1));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"order-created-rewards-signup.json", "order-created-no-signup.json", "order-created-jpy.json",
            "poison/missing-order-id.json", "poison/missing-total.json", "poison/unknown-major.json",
            "poison/wrong-detail-type.json"})
    void logsNeverCarryPersonalData(String file) {
        ScheduledEvent event = Samples.load(file);
        List<String> personalData = Samples.personalData(event);

        catchThrowable(() -> handler.handleRequest(event, context));

        assertThat(personalData).isNotEmpty();
        assertThat(context.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).contains(event.getId()));
        assertThat(context.all()).doesNotContain(personalData);
    }
}
