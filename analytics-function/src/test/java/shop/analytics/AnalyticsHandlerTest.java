package shop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static shop.testkit.SampleEvent.HANDLING_CLOCK;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.analytics.InMemorySalesLedger.Counters;
import shop.subscriber.DeliveryHandler;
import shop.testkit.CapturingContext;
import shop.testkit.SampleEvent;

class AnalyticsHandlerTest {

    private final InMemorySalesLedger ledger = new InMemorySalesLedger();
    private final DeliveryHandler handler =
            AnalyticsHandler.SUBSCRIBER.over(new SalesTally(ledger, HANDLING_CLOCK)::record);
    private final CapturingContext context = new CapturingContext("AnalyticsFunction");

    static Stream<Arguments> samples() {
        return Stream.of(
                arguments(
                        "two SKUs in euros",
                        "order-created-rewards-signup.json",
                        Map.of(
                                "CUP-ESP-2/EUR", new Counters(2, 2500, 1),
                                "GRD-HND-1/EUR", new Counters(1, 1750, 1))),
                arguments(
                        "an order without rewards signup counts too",
                        "order-created-no-signup.json",
                        Map.of(
                                "NB-A5-DOT/EUR", new Counters(3, 1197, 1),
                                "PEN-FNT-F/EUR", new Counters(1, 2999, 1))),
                arguments(
                        "yen are counted apart from euros",
                        "order-created-jpy.json",
                        Map.of(
                                "TEA-SEN-100/JPY", new Counters(2, 3600, 1),
                                "CUP-YUN-1/JPY", new Counters(1, 950, 1))),
                arguments(
                        "a 1.1 event with new fields still counts",
                        "compatible/order-created-1.1-new-fields.json",
                        Map.of(
                                "CUP-ESP-2/EUR", new Counters(2, 2500, 1),
                                "GRD-HND-1/EUR", new Counters(1, 1750, 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void addsTheOrdersSalesPerSkuAndCurrency(String name, String file, Map<String, Counters> expected) {
        SampleEvent.load(file).deliverTo(handler, context);

        assertThat(ledger.keys()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, counters) -> {
            String[] skuAndCurrency = key.split("/");
            assertThat(ledger.of(skuAndCurrency[0], skuAndCurrency[1])).as(key).isEqualTo(counters);
        });
        assertThat(context.all()).contains("\"event\":\"sales.recorded\"", "\"skus\":" + expected.size());
    }

    @Test
    void differentOrdersOfTheSameSkuAddUp() {
        SampleEvent.load("order-created-rewards-signup.json").deliverTo(handler, context);

        SampleEvent.load("compatible/order-created-1.1-new-fields.json").deliverTo(handler, context);

        assertThat(ledger.of("CUP-ESP-2", "EUR")).isEqualTo(new Counters(4, 5000, 2));
    }
}
