package shop.analytics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import shop.events.OrderCreated;

/**
 * What one order sold, per SKU, in the order's currency: the unit analytics records exactly once.
 *
 * @param skus one entry per distinct SKU, sorted by SKU, so the same order always splits the same way
 */
public record OrderSales(String orderId, String currency, List<SkuSale> skus) {

    public OrderSales {
        skus = List.copyOf(skus);
    }

    /**
     * Units and revenue of one SKU in one order.
     *
     * @param revenue quantity times unit price, in minor units of the order's currency (list price: no discounts exist)
     */
    public record SkuSale(String sku, long units, long revenue) {}

    /** The order's sales; lines of the same SKU are added together, as one order counts once per SKU. */
    public static OrderSales of(OrderCreated order) {
        Map<String, SkuSale> bySku = new TreeMap<>();
        for (OrderCreated.LineItem line : order.items()) {
            SkuSale sale = new SkuSale(line.sku(), line.quantity(), (long) line.quantity() * line.unitPrice());
            bySku.merge(
                    line.sku(), sale, (a, b) -> new SkuSale(a.sku(), a.units() + b.units(), a.revenue() + b.revenue()));
        }
        return new OrderSales(order.orderId(), order.total().currency(), List.copyOf(bySku.values()));
    }
}
