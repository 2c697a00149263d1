package shop.email;

import java.math.BigDecimal;
import shop.events.InvalidEventException;
import shop.events.OrderCreated;

/**
 * Writes an amount in minor units as the customer reads it: the ISO code, a space, and as many decimals as the currency
 * has ({@code EUR 42.50}, {@code JPY 4550}, {@code BHD 1.999}).
 *
 * <p>No grouping separators or symbols: the email is not localised, and the code is unambiguous in every locale.
 */
final class MoneyText {

    private MoneyText() {}

    /**
     * @throws InvalidEventException when {@code currency} is not an ISO 4217 code with a minor unit; such an order
     *     cannot be confirmed with a correct total, so the event is parked, not guessed at
     */
    static String format(long minorUnits, String currency) {
        int digits = new OrderCreated.Money(minorUnits, currency).minorUnitDigits();
        return currency + " " + BigDecimal.valueOf(minorUnits, digits).toPlainString();
    }
}
