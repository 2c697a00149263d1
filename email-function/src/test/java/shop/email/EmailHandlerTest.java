package shop.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.testkit.CapturingContext;
import shop.testkit.SampleEvent;

class EmailHandlerTest {

    private static final Instant NOW = Instant.parse("2025-11-03T09:15:30Z");

    private final InMemoryConfirmationLedger ledger = new InMemoryConfirmationLedger();
    private final RecordingMailer mailer = new RecordingMailer();
    private final EmailHandler handler = new EmailHandler(ledger, mailer, new SettableClock(NOW));
    private final CapturingContext context = new CapturingContext("EmailFunction");

    static Stream<Arguments> samples() {
        return Stream.of(
                arguments(
                        "euro order with rewards signup",
                        "order-created-rewards-signup.json",
                        "mira.kovac@example.com",
                        "85141e04-3a68-4de4-8737-67876611a13c",
                        "Total: EUR 42.50"),
                arguments(
                        "euro order without signup",
                        "order-created-no-signup.json",
                        "jonas.oneill@example.com",
                        "9bad17fb-a2b1-4e22-8eed-5d50cba3539f",
                        "Total: EUR 41.96"),
                arguments(
                        "yen order",
                        "order-created-jpy.json",
                        "hana.sato@example.com",
                        "26b6ae69-8716-4171-a7e0-3e59d22c8965",
                        "Total: JPY 4550"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sendsOneConfirmationToTheCustomer(String name, String file, String to, String orderId, String total) {
        SampleEvent.load(file).deliverTo(handler, context);

        assertThat(mailer.sent()).singleElement().satisfies(confirmation -> {
            assertThat(confirmation.to()).isEqualTo(to);
            assertThat(confirmation.subject()).contains(orderId);
            assertThat(confirmation.text()).contains(total);
        });
        assertThat(ledger.row(orderId))
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo("SENT"));
    }

    @Test
    void deliveryWhileAnotherInvocationIsSendingFailsForRetryAndSaysSo() {
        SampleEvent event = SampleEvent.load("order-created-rewards-signup.json");
        ledger.claim(new ConfirmationClaim(
                event.orderId(), "other", NOW, NOW.plusSeconds(60), NOW.plus(Duration.ofDays(30))));

        assertThatThrownBy(() -> event.deliverTo(handler, context)).isInstanceOf(ConfirmationInProgressException.class);
        assertThat(mailer.sent()).isEmpty();
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains("confirmation.in-progress", "85141e04-3a68-4de4-8737-67876611a13c", "\"duplicate\":true");
    }
}
