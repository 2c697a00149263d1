package shop.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

class SesMailerTest {

    private static final String RECIPIENT = "mira.kovac@example.com";
    private static final Confirmation CONFIRMATION =
            new Confirmation(RECIPIENT, "Your order 1 is confirmed", "Hello Mira Kovač", "<p>Hello Mira Kovač</p>");

    private final FakeSes ses = new FakeSes();
    private final SesMailer mailer = new SesMailer(ses, "orders@shop.example");

    @Test
    void sendsSimpleContentWithTextAndHtmlFromTheSender() {
        Confirmation confirmation = new Confirmation(
                "mira.kovac@example.com", "Your order 1 is confirmed", "Hello Mira Kovač", "<p>Hello Mira Kovač</p>");

        String messageId = mailer.send(confirmation);

        assertThat(messageId).isEqualTo("ses-message-1");
        SendEmailRequest request = ses.sent.get(0);
        assertThat(request.fromEmailAddress()).isEqualTo("orders@shop.example");
        assertThat(request.destination().toAddresses()).containsExactly("mira.kovac@example.com");
        assertThat(request.destination().hasCcAddresses()).isFalse();
        assertThat(request.destination().hasBccAddresses()).isFalse();
        Message message = request.content().simple();
        assertThat(message.subject()).isEqualTo(utf8("Your order 1 is confirmed"));
        assertThat(message.body().text()).isEqualTo(utf8("Hello Mira Kovač"));
        assertThat(message.body().html()).isEqualTo(utf8("<p>Hello Mira Kovač</p>"));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        "an unverified recipient, named in SES's message",
                        refusal(
                                400,
                                "MessageRejected",
                                "Email address is not verified. The following identities failed"
                                        + " the check in region EU-WEST-1: " + RECIPIENT),
                        "MessageRejected (HTTP 400)"),
                Arguments.of(
                        "a throttled send",
                        refusal(429, "TooManyRequestsException", "Rate exceeded"),
                        "TooManyRequestsException (HTTP 429)"),
                Arguments.of(
                        "a refusal without error details",
                        (SesV2Exception) SesV2Exception.builder()
                                .statusCode(500)
                                .message("to " + RECIPIENT)
                                .build(),
                        "no error code (HTTP 500)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusalIsRethrownWithItsCodeAndStatusOnlySinceSesMayQuoteTheRecipient(
            String name, SesV2Exception refusal, String named) {
        ses.refusal = refusal;

        assertThatThrownBy(() -> mailer.send(CONFIRMATION))
                .isInstanceOf(SendRefusedException.class)
                .hasMessageContaining(named)
                .hasNoCause()
                .satisfies(thrown -> assertThat(thrown.toString()).doesNotContain(RECIPIENT));
        assertThat(ses.sent).isEmpty();
    }

    private static SesV2Exception refusal(int status, String code, String message) {
        return (SesV2Exception) SesV2Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .build())
                .message(message)
                .build();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }
}
