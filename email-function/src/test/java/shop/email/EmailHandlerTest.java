package shop.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import shop.events.InvalidEventException;

class EmailHandlerTest {

    private static final Instant NOW = Instant.parse("2025-11-03T09:15:30Z");

    private final InMemoryConfirmationLedger ledger = new InMemoryConfirmationLedger();
    private final RecordingMailer mailer = new RecordingMailer();
    private final EmailHandler handler = new EmailHandler(ledger, mailer, new SettableClock(NOW));
    private final CapturingContext context = new CapturingContext();

    static Stream<Arguments> samples() {
        return Stream.of(
                arguments("euro order with rewards signup", "order-created-rewards-signup.json",
                        "mira.kovac@example.com", "85141e04-3a68-4de4-8737-67876611a13c", "Total: EUR 42.50"),
                arguments("euro order without signup", "order-created-no-signup.json",
                        "jonas.oneill@example.com", "9bad17fb-a2b1-4e22-8eed-5d50cba3539f", "Total: EUR 41.96"),
                arguments("yen order", "order-created-jpy.json",
                        "hana.sato@example.com", "26b6ae69-8716-4171-a7e0-3e59d22c8965", "Total: JPY 4550"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sendsOneConfirmationToTheCustomer(String name, String file, String to, String orderId, String total) {
        handler.handleRequest(Samples.load(file), context);

        assertThat(mailer.sent()).singleElement().satisfies(confirmation -> {
            assertThat(confirmation.to()).isEqualTo(to);
            assertThat(confirmation.subject()).contains(orderId);
            assertThat(confirmation.text()).contains(total);
        });
        assertThat(ledger.row(orderId)).hasValueSatisfying(row -> assertThat(row.status()).isEqualTo("SENT"));
    }

    @Test
    void sameEventDeliveredTwiceSendsOneEmail() {
        ScheduledEvent event = Samples.load("order-created-rewards-signup.json");

        handler.handleRequest(event, context);
        handler.handleRequest(event, context);

        assertThat(mailer.sent()).hasSize(1);
        assertThat(context.lines().get(0)).contains("\"outcome\":\"SENT\"", "\"duplicate\":false");
        assertThat(context.lines().get(1)).contains("\"outcome\":\"ALREADY_SENT\"", "\"duplicate\":true");
    }

    @Test
    void sameOrderUnderANewEventIdSendsOneEmail() {
        handler.handleRequest(Samples.load("order-created-rewards-signup.json"), context);

        handler.handleRequest(Samples.redelivered("order-created-rewards-signup.json"), context);

        assertThat(mailer.sent()).hasSize(1);
        assertThat(context.lines().get(1)).contains("\"duplicate\":true");
    }

    @Test
    void deliveryWhileAnotherInvocationIsSendingFailsForRetryAndSaysSo() {
        ScheduledEvent event = Samples.load("order-created-rewards-signup.json");
        ledger.claim(new ConfirmationClaim(Samples.orderId(event), "other", NOW, NOW.plusSeconds(60),
                NOW.plus(Duration.ofDays(30))));

        assertThatThrownBy(() -> handler.handleRequest(event, context))
                .isInstanceOf(ConfirmationInProgressException.class);
        assertThat(mailer.sent()).isEmpty();
        assertThat(context.lines()).singleElement().asString()
                .contains("confirmation.in-progress", "85141e04-3a68-4de4-8737-67876611a13c", "\"duplicate\":true");
    }

    static Stream<Arguments> poison() {
        return Stream.of(
                arguments("missing order id", "poison/missing-order-id.json", "orderId"),
                arguments("missing customer email", "poison/missing-customer-email.json", "email"),
                arguments("missing total", "poison/missing-total.json", "total"),
                arguments("unknown major version", "poison/unknown-major.json", "schemaVersion 2.0 is not supported"),
                arguments("wrong detail-type", "poison/wrong-detail-type.json", "detail-type is 'OrderCancelled'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison")
    void poisonEventIsRejectedNamingTheReasonAndSendsNothing(String name, String file, String reason) {
        ScheduledEvent event = Samples.load(file);

        assertThatThrownBy(() -> handler.handleRequest(event, context))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.problems()).anySatisfy(problem -> assertThat(problem).contains(reason)));
        assertThat(mailer.sent()).isEmpty();
        assertThat(ledger.size()).isZero();
        assertThat(context.all()).contains("event.rejected", reason);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"poison/missing-shipping-address.json", "compatible/order-created-1.1-new-fields.json"})
    void fieldsThisConsumerDoesNotReadMayBeMissingOrNew(String file) {
        handler.handleRequest(Samples.load(file), context);

        assertThat(mailer.sent()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"order-created-rewards-signup.json", "order-created-no-signup.json", "order-created-jpy.json",
            "poison/missing-order-id.json", "poison/missing-customer-email.json", "poison/missing-total.json",
            "poison/unknown-major.json", "poison/wrong-detail-type.json"})
    void logsNeverCarryPersonalData(String file) {
        ScheduledEvent event = Samples.load(file);
        List<String> personalData = Samples.personalData(event);

        catchThrowable(() -> handler.handleRequest(event, context));

        assertThat(personalData).isNotEmpty();
        assertThat(context.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).contains(event.getId()));
        assertThat(context.all()).doesNotContain(personalData);
    }
}
