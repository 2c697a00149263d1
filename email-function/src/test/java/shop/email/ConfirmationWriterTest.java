package shop.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.events.EventJson;
import shop.testkit.SampleEvent;

class ConfirmationWriterTest {

    private final ConfirmationWriter writer = new ConfirmationWriter();

    static Stream<Arguments> samples() {
        return Stream.of(
                arguments(
                        "euro order",
                        "order-created-rewards-signup.json",
                        "mira.kovac@example.com",
                        "Your order 85141e04-3a68-4de4-8737-67876611a13c is confirmed",
                        """
                        Hello Mira Kovač,

                        Thank you for your order 85141e04-3a68-4de4-8737-67876611a13c. You ordered:

                        2 x Espresso cups (set of 2): EUR 25.00
                        1 x Hand grinder & brush: EUR 17.50

                        Total: EUR 42.50

                        We will write again when your order ships.
                        """,
                        List.of(
                                "<p>Hello Mira Kovač,</p>",
                                "<tr><td>Espresso cups (set of 2)</td><td>2</td><td>EUR 25.00</td></tr>",
                                "<tr><td>Hand grinder &amp; brush</td><td>1</td><td>EUR 17.50</td></tr>",
                                "<th colspan=\"2\">Total</th><td>EUR 42.50</td>")),
                arguments(
                        "names with markup characters",
                        "order-created-no-signup.json",
                        "jonas.oneill@example.com",
                        "Your order 9bad17fb-a2b1-4e22-8eed-5d50cba3539f is confirmed",
                        """
                        Hello Jonas O'Neill,

                        Thank you for your order 9bad17fb-a2b1-4e22-8eed-5d50cba3539f. You ordered:

                        3 x Notebook <A5, dotted>: EUR 11.97
                        1 x Fountain pen "Fine": EUR 29.99

                        Total: EUR 41.96

                        We will write again when your order ships.
                        """,
                        List.of(
                                "<p>Hello Jonas O&#39;Neill,</p>",
                                "<tr><td>Notebook &lt;A5, dotted&gt;</td><td>3</td><td>EUR 11.97</td></tr>",
                                "<tr><td>Fountain pen &quot;Fine&quot;</td><td>1</td><td>EUR 29.99</td></tr>",
                                "<th colspan=\"2\">Total</th><td>EUR 41.96</td>")),
                arguments(
                        "yen has no decimals",
                        "order-created-jpy.json",
                        "hana.sato@example.com",
                        "Your order 26b6ae69-8716-4171-a7e0-3e59d22c8965 is confirmed",
                        """
                        Hello Hana Sato,

                        Thank you for your order 26b6ae69-8716-4171-a7e0-3e59d22c8965. You ordered:

                        2 x Sencha 100 g: JPY 3600
                        1 x Yunomi cup: JPY 950

                        Total: JPY 4550

                        We will write again when your order ships.
                        """,
                        List.of(
                                "<tr><td>Sencha 100 g</td><td>2</td><td>JPY 3600</td></tr>",
                                "<th colspan=\"2\">Total</th><td>JPY 4550</td>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writesSubjectTextAndHtmlFromTheOrder(
            String name, String file, String to, String subject, String text, List<String> htmlParts) {
        Confirmation confirmation =
                writer.write(EventJson.fromTree(SampleEvent.load(file).detail()));

        assertThat(confirmation.to()).isEqualTo(to);
        assertThat(confirmation.subject()).isEqualTo(subject);
        assertThat(confirmation.text()).isEqualTo(text);
        assertThat(confirmation.html()).startsWith("<!DOCTYPE html>").contains(htmlParts);
    }

    @Test
    void noCustomerSuppliedMarkupReachesTheHtml() {
        Confirmation confirmation = writer.write(EventJson.fromTree(
                SampleEvent.load("order-created-no-signup.json").detail()));

        assertThat(confirmation.html()).doesNotContain("<A5", "\"Fine\"", "O'Neill");
    }

    static Stream<Arguments> markup() {
        return Stream.of(
                arguments("plain text is kept", "Mira Kovač", "Mira Kovač"),
                arguments("ampersand", "Salt & pepper", "Salt &amp; pepper"),
                arguments("a script element", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
                arguments(
                        "quotes that could end an attribute",
                        "\"double\" 'single'",
                        "&quot;double&quot; &#39;single&#39;"),
                arguments("an entity is escaped, not interpreted", "&lt;", "&amp;lt;"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("markup")
    void escapesEveryCharacterWithMeaningInHtml(String name, String raw, String escaped) {
        assertThat(ConfirmationWriter.escape(raw)).isEqualTo(escaped);
    }
}
