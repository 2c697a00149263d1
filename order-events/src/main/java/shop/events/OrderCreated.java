package shop.events;

import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * The detail of an {@code OrderCreated} event, mirroring {@code schemas/order-created/<version>.json}.
 *
 * <p>Consumers read it tolerantly: a part their own contract does not require may be null.
 *
 * @param correlationId since 1.1, optional: the id of the API request that placed the order (API Gateway's
 *     {@code requestContext.requestId}), logged by every function that handles the order; null in 1.0 events
 */
public record OrderCreated(
        String schemaVersion,
        String orderId,
        Instant createdAt,
        Customer customer,
        List<LineItem> items,
        Money total,
        Address shippingAddress,
        String correlationId) {

    /** Who placed the order and whether they joined the rewards programme at checkout. */
    public record Customer(String customerId, String email, String name, boolean rewardsSignup) {}

    /** One line of the order; {@code unitPrice} is in minor units of the order's currency. */
    public record LineItem(String sku, String name, int quantity, long unitPrice) {}

    /** An amount in minor units (cents for EUR, yen for JPY) of an ISO 4217 currency. */
    public record Money(long amount, String currency) {

        /**
         * Digits of the currency's minor unit: 2 for EUR, 0 for JPY, 3 for BHD.
         *
         * @throws InvalidEventException when {@code currency} is not ISO 4217 or has no minor unit, so no consumer can
         *     know what {@code amount} means; the event is parked, not guessed at
         */
        public int minorUnitDigits() {
            Currency known;
            try {
                known = Currency.getInstance(currency);
            } catch (IllegalArgumentException unknown) {
                throw new InvalidEventException(
                        "OrderCreated", List.of("$.total.currency '" + currency + "' is not an ISO 4217 currency"));
            }
            if (known.getDefaultFractionDigits() < 0) {
                throw new InvalidEventException(
                        "OrderCreated", List.of("$.total.currency '" + currency + "' has no minor unit"));
            }
            return known.getDefaultFractionDigits();
        }
    }

    /** Where the warehouse ships to; {@code country} is ISO 3166-1 alpha-2. */
    public record Address(String line1, String line2, String city, String region, String postalCode, String country) {}
}
