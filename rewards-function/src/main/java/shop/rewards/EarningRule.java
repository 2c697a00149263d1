package shop.rewards;

import shop.events.InvalidEventException;
import shop.events.OrderCreated;

/**
 * How many points an order earns: <b>one point per whole unit of the order's currency in the order total, rounded
 * down</b>, that is {@code total.amount / 10^defaultFractionDigits(currency)}.
 *
 * <p>EUR 42.50 (4250 cents) earns 42 points, EUR 0.99 earns none, JPY 4550 (no minor unit) earns 4550 and BHD 1.999
 * (three decimals) earns 1. Points are not converted between currencies: a yen earns as much as a euro.
 */
public final class EarningRule {

    private EarningRule() {}

    /**
     * Points earned by an order of {@code total}.
     *
     * @throws InvalidEventException when the currency is not ISO 4217 or has no minor unit, so the points cannot be
     *     known; the event goes to the dead-letter queue rather than earn a guess
     */
    public static long pointsFor(OrderCreated.Money total) {
        int fractionDigits = total.minorUnitDigits();
        long unit = 1;
        for (int i = 0; i < fractionDigits; i++) {
            unit *= 10;
        }
        // amount is never negative (the contract says minimum 0), so integer division rounds down.
        return total.amount() / unit;
    }
}
