package shop.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.testkit.SampleEvent.HANDLED_AT;
import static shop.testkit.SampleEvent.HANDLING_CLOCK;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.subscriber.DeliveryHandler;
import shop.testkit.CapturingContext;
import shop.testkit.SampleEvent;

class EmailHandlerTest {

    private final InMemoryConfirmationLedger ledger = new InMemoryConfirmationLedger();
    private final RecordingMailer mailer = new RecordingMailer();
    private final DeliveryHandler handler =
            EmailHandler.SUBSCRIBER.over(new Confirmations(ledger, mailer, HANDLING_CLOCK)::confirm);
    private final CapturingContext context = new CapturingContext("EmailFunction");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            euro order with rewards signup | order-created-rewards-signup.json | mira.kovac@example.com   | EUR 42.50
            euro order without signup      | order-created-no-signup.json      | jonas.oneill@example.com | EUR 41.96
            yen order                      | order-created-jpy.json            | hana.sato@example.com    | JPY 4550
            """)
    void sendsOneConfirmationToTheCustomer(String name, String file, String to, String total) {
        SampleEvent event = SampleEvent.load(file);

        event.deliverTo(handler, context);

        assertThat(mailer.sent()).singleElement().satisfies(confirmation -> {
            assertThat(confirmation.to()).isEqualTo(to);
            assertThat(confirmation.subject()).contains(event.orderId());
            assertThat(confirmation.text()).contains("Total: " + total);
        });
        assertThat(ledger.row(event.orderId()))
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo("SENT"));
    }

    @Test
    void deliveryWhileAnotherInvocationIsSendingFailsForRetryAndSaysSo() {
        SampleEvent event = SampleEvent.load("order-created-rewards-signup.json");
        ledger.claim(new ConfirmationClaim(
                event.orderId(),
                "other",
                HANDLED_AT,
                HANDLED_AT.plusSeconds(60),
                HANDLED_AT.plus(Duration.ofDays(30))));

        assertThatThrownBy(() -> event.deliverTo(handler, context)).isInstanceOf(ConfirmationInProgressException.class);
        assertThat(mailer.sent()).isEmpty();
        assertThat(context.logLines())
                .singleElement()
                .asString()
                .contains("confirmation.in-progress", "85141e04-3a68-4de4-8737-67876611a13c", "\"duplicate\":true");
    }
}
