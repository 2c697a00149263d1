package shop.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import shop.events.EventJson;
import shop.events.InvalidEventException;
import shop.events.OrderCreated;
import shop.subscriber.Effect;
import shop.testkit.SampleEvent;

class ConfirmationsTest {

    private static final Instant START = Instant.parse("2025-11-03T09:15:30Z");
    private static final OrderCreated ORDER = EventJson.fromTree(
            SampleEvent.load("order-created-rewards-signup.json").detail());

    private final SettableClock clock = new SettableClock(START);
    private final InMemoryConfirmationLedger ledger = new InMemoryConfirmationLedger();
    private final RecordingMailer mailer = new RecordingMailer();
    private final Confirmations confirmations = new Confirmations(ledger, mailer, clock);

    @Test
    void firstDeliverySendsAndRecordsTheConfirmationFor30Days() {
        Effect outcome = confirmations.confirm(ORDER).outcome();

        assertThat(outcome).isEqualTo(Confirmations.Outcome.SENT);
        assertThat(mailer.sent()).hasSize(1);
        assertThat(ledger.row(ORDER.orderId()))
                .contains(new InMemoryConfirmationLedger.Row(
                        "SENT", null, null, "message-1", START, START.plus(Duration.ofDays(30))));
    }

    @Test
    void deliveryAfterTheConfirmationWentOutSendsNothing() {
        confirmations.confirm(ORDER);

        Effect outcome = confirmations.confirm(ORDER).outcome();

        assertThat(outcome).isEqualTo(Confirmations.Outcome.ALREADY_SENT);
        assertThat(mailer.sent()).hasSize(1);
    }

    @Test
    void failedSendReleasesTheClaimSoTheRetrySends() {
        RuntimeException rejected = new IllegalStateException("SES throttled the request");
        mailer.failingNext(rejected);

        Throwable firstAttempt = catchThrowable(() -> confirmations.confirm(ORDER));
        Effect retry = confirmations.confirm(ORDER).outcome();

        assertThat(firstAttempt).isSameAs(rejected);
        assertThat(retry).isEqualTo(Confirmations.Outcome.SENT);
        assertThat(mailer.sent()).hasSize(1);
    }

    @Test
    void deliveryWhileAnotherInvocationHoldsALiveClaimIsToldToRetry() {
        ledger.claim(othersClaim(START));
        clock.advance(Duration.ofSeconds(20));

        assertThatThrownBy(() -> confirmations.confirm(ORDER))
                .isInstanceOf(ConfirmationInProgressException.class)
                .hasMessageContaining("retry");
        assertThat(mailer.sent()).isEmpty();
        assertThat(ledger.row(ORDER.orderId()))
                .hasValueSatisfying(row -> assertThat(row.claimId()).isEqualTo("other"));
    }

    @Test
    void retryAfterTheOtherInvocationSentFindsItSent() {
        ledger.claim(othersClaim(START));
        catchThrowable(() -> confirmations.confirm(ORDER));
        ledger.markSent(ORDER.orderId(), "message-of-the-other", START.plusSeconds(2), START.plus(Duration.ofDays(30)));

        Effect retry = confirmations.confirm(ORDER).outcome();

        assertThat(retry).isEqualTo(Confirmations.Outcome.ALREADY_SENT);
        assertThat(mailer.sent()).isEmpty();
    }

    @Test
    void claimAbandonedByADeadInvocationIsTakenOverOnceItsLeaseRunsOut() {
        ledger.claim(othersClaim(START));
        clock.advance(Duration.ofSeconds(61));

        Effect outcome = confirmations.confirm(ORDER).outcome();

        assertThat(outcome).isEqualTo(Confirmations.Outcome.SENT_AFTER_TAKEOVER);
        // The email went out in this delivery: an effect made now, not a duplicate.
        assertThat(outcome.duplicate()).isFalse();
        assertThat(mailer.sent()).hasSize(1);
    }

    @Test
    void claimIsNotTakenOverWhileItsLeaseRuns() {
        ledger.claim(othersClaim(START));
        clock.advance(Duration.ofSeconds(60));

        assertThatThrownBy(() -> confirmations.confirm(ORDER)).isInstanceOf(ConfirmationInProgressException.class);
    }

    @Test
    void aFailedReleaseTravelsWithTheSendFailure() {
        RuntimeException releaseFailed = new IllegalStateException("DynamoDB unavailable");
        InMemoryConfirmationLedger ledgerThatCannotRelease = new InMemoryConfirmationLedger() {
            @Override
            public synchronized void release(String orderId, String claimId) {
                throw releaseFailed;
            }
        };
        RuntimeException sendFailed = new IllegalStateException("SES unavailable");
        Confirmations confirmations = new Confirmations(ledgerThatCannotRelease, mailer.failingNext(sendFailed), clock);

        assertThatThrownBy(() -> confirmations.confirm(ORDER))
                .isSameAs(sendFailed)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(releaseFailed));
    }

    @Test
    void anOrderThatCannotBeWrittenClaimsNothing() {
        OrderCreated unknownCurrency = new OrderCreated(
                ORDER.schemaVersion(),
                ORDER.orderId(),
                ORDER.createdAt(),
                ORDER.customer(),
                ORDER.items(),
                new OrderCreated.Money(4250, "ABC"),
                ORDER.shippingAddress(),
                ORDER.correlationId());

        assertThatThrownBy(() -> confirmations.confirm(unknownCurrency)).isInstanceOf(InvalidEventException.class);
        assertThat(ledger.size()).isZero();
    }

    private static ConfirmationClaim othersClaim(Instant at) {
        return new ConfirmationClaim(ORDER.orderId(), "other", at, at.plusSeconds(60), at.plus(Duration.ofDays(30)));
    }
}
