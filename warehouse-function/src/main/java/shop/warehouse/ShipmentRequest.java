package shop.warehouse;

import java.time.Instant;
import java.util.List;
import shop.events.OrderCreated;

/**
 * A request to the warehouse to pick, pack and ship one order: what ShipmentsTable holds, one item per order id.
 *
 * @param status always {@link #PENDING} when recorded; the warehouse moves it on from there
 * @param orderCreatedAt when the customer placed the order
 * @param recordedAt when this function recorded the request
 */
public record ShipmentRequest(
        String orderId,
        String status,
        String recipientName,
        List<Item> items,
        OrderCreated.Address shippingAddress,
        Instant orderCreatedAt,
        Instant recordedAt) {

    /** The status of a request nobody in the warehouse has picked up yet. */
    public static final String PENDING = "PENDING";

    public ShipmentRequest {
        items = List.copyOf(items);
    }

    /** One line to pick: which product and how many; prices are none of the warehouse's business. */
    public record Item(String sku, String name, int quantity) {}

    /** The pending request for {@code order}, recorded at {@code now}. */
    public static ShipmentRequest pending(OrderCreated order, Instant now) {
        List<Item> items = order.items().stream()
                .map(line -> new Item(line.sku(), line.name(), line.quantity()))
                .toList();
        return new ShipmentRequest(
                order.orderId(),
                PENDING,
                order.customer().name(),
                items,
                order.shippingAddress(),
                order.createdAt(),
                now);
    }
}
