package shop.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

class SesMailerTest {

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

    private static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }
}
