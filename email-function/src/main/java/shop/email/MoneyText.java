package shop.email;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import shop.events.InvalidEventException;

/**
 * Writes an amount in minor units as the customer reads it: the ISO code, a space, and as many decimals as the
 * currency has ({@code EUR 42.50}, {@code JPY 4550}, {@code BHD 1.999}).
 *
 * <p>No grouping separators or symbols: the email is not localised, and the code is unambiguous in every locale.
 */
final class MoneyText {

    private MoneyText() {}

    /**
     * @throws InvalidEventException when {@code currency} is not an ISO 4217 code with a minor unit; such an order
     *                               cannot be confirmed with a correct total, so the event is parked, not guessed at
     */
    static String format(long minorUnits, String currency) {
        return currency + " " + BigDecimal.valueOf(minorUnits, fractionDigits(currency)).toPlainString();
    }

    private static int fractionDigits(String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidEventException(EmailHandler.FUNCTION,
                    List.of("$.total.currency '" + code + "' is not an ISO 4217 currency"));
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidEventException(EmailHandler.FUNCTION,
                    List.of("$.total.currency '" + code + "' has no minor unit to write amounts in"));
        }
        return currency.getDefaultFractionDigits();
    }
}
