package shop.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.events.InvalidEventException;
import shop.events.OrderCreated.Money;

class EarningRuleTest {

    static Stream<Arguments> totals() {
        return Stream.of(
                arguments("EUR 42.50 earns 42", new Money(4250, "EUR"), 42L),
                arguments("EUR 42.99 rounds down to 42", new Money(4299, "EUR"), 42L),
                arguments("EUR 0.99 earns nothing", new Money(99, "EUR"), 0L),
                arguments("EUR 0.00 earns nothing", new Money(0, "EUR"), 0L),
                arguments("JPY has no decimals: 4550 earns 4550", new Money(4550, "JPY"), 4550L),
                arguments("BHD has three decimals: 1.999 earns 1", new Money(1999, "BHD"), 1L),
                arguments("USD 1,000,000.00 earns a million", new Money(100_000_000, "USD"), 1_000_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("totals")
    void earnsOnePointPerWholeCurrencyUnitRoundedDown(String name, Money total, long points) {
        assertThat(EarningRule.pointsFor(total)).isEqualTo(points);
    }

    static Stream<Arguments> unusable() {
        return Stream.of(
                arguments("not an ISO 4217 code", new Money(100, "ABC"), "'ABC' is not an ISO 4217 currency"),
                arguments("a currency without minor unit", new Money(100, "XXX"), "'XXX' has no minor unit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusable")
    void aCurrencyPointsCannotBeCountedInIsRejectedNamingTheField(String name, Money total, String reason) {
        assertThatThrownBy(() -> EarningRule.pointsFor(total))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.total.currency")
                .hasMessageContaining(reason);
    }
}
