package shop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.events.OrderCreated;

class OrderSalesTest {

    @Test
    void linesOfTheSameSkuAreAddedTogether() {
        OrderCreated order = order(
                new OrderCreated.LineItem("MUG-1", "Mug, blue", 2, 900),
                new OrderCreated.LineItem("TEA-1", "Tea", 1, 450),
                new OrderCreated.LineItem("MUG-1", "Mug, blue (gift)", 3, 800));

        OrderSales sales = OrderSales.of(order);

        assertThat(sales.skus())
                .containsExactly(
                        new OrderSales.SkuSale("MUG-1", 5, 2 * 900 + 3 * 800), new OrderSales.SkuSale("TEA-1", 1, 450));
    }

    @Test
    void skusAreSortedSoEveryDeliverySplitsTheSameWay() {
        OrderCreated order = order(
                new OrderCreated.LineItem("Z-9", "Last", 1, 100), new OrderCreated.LineItem("A-1", "First", 1, 100));

        assertThat(OrderSales.of(order).skus())
                .extracting(OrderSales.SkuSale::sku)
                .containsExactly("A-1", "Z-9");
    }

    @Test
    void revenueOfTheLargestLineFitsInALong() {
        OrderCreated order = order(new OrderCreated.LineItem("GOLD-1", "Gold bar", 1000, 100_000_000));

        assertThat(OrderSales.of(order).skus().get(0).revenue()).isEqualTo(100_000_000_000L);
    }

    private static OrderCreated order(OrderCreated.LineItem... items) {
        return new OrderCreated(
                "1.0",
                "3f1c2a9e-4b7d-4c21-9a55-0d6f1e2b3c4d",
                Instant.parse("2025-11-03T09:15:27Z"),
                null,
                List.of(items),
                new OrderCreated.Money(0, "EUR"),
                null,
                null);
    }
}
