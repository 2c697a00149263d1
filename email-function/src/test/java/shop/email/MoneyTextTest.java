package shop.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.events.InvalidEventException;

class MoneyTextTest {

    static Stream<Arguments> amounts() {
        return Stream.of(
                arguments("euros and cents", 4250L, "EUR", "EUR 42.50"),
                arguments("cents only", 5L, "EUR", "EUR 0.05"),
                arguments("nothing", 0L, "EUR", "EUR 0.00"),
                arguments("yen have no minor unit", 4550L, "JPY", "JPY 4550"),
                arguments("dinars have three decimals", 1999L, "BHD", "BHD 1.999"),
                arguments("large amounts are not grouped", 123456789L, "USD", "USD 1234567.89"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("amounts")
    void writesTheCodeAndTheCurrencysOwnNumberOfDecimals(String name, long minorUnits, String currency, String text) {
        assertThat(MoneyText.format(minorUnits, currency)).isEqualTo(text);
    }

    static Stream<Arguments> unusable() {
        return Stream.of(
                arguments("not an ISO 4217 code", "ABC", "'ABC' is not an ISO 4217 currency"),
                arguments("a currency without minor unit", "XXX", "'XXX' has no minor unit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusable")
    void aCurrencyThatCannotBeWrittenIsRejectedNamingTheField(String name, String currency, String reason) {
        assertThatThrownBy(() -> MoneyText.format(100, currency))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.total.currency")
                .hasMessageContaining(reason);
    }
}
