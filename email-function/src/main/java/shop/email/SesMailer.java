package shop.email;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/** Sends through Amazon SES v2 {@code SendEmail} with simple content, from one verified sender. Thread-safe. */
public record SesMailer(SesV2Client ses, String sender) implements Mailer {

    /**
     * {@inheritDoc}
     *
     * @throws SendRefusedException when SES refuses the request, naming its error code and status but not the message
     */
    @Override
    public String send(Confirmation confirmation) {
        try {
            return sendEmail(confirmation);
        } catch (SesV2Exception refusal) {
            // Dropping the cause is the point: its message and its own causes may name the customer's address.
            throw new SendRefusedException(refusal);
        }
    }

    private String sendEmail(Confirmation confirmation) {
        return ses.sendEmail(SendEmailRequest.builder()
                        .fromEmailAddress(sender)
                        .destination(Destination.builder()
                                .toAddresses(confirmation.to())
                                .build())
                        .content(EmailContent.builder()
                                .simple(Message.builder()
                                        .subject(utf8(confirmation.subject()))
                                        .body(Body.builder()
                                                .text(utf8(confirmation.text()))
                                                .html(utf8(confirmation.html()))
                                                .build())
                                        .build())
                                .build())
                        .build())
                .messageId();
    }

    // Names like "Mira Kovač" need a declared charset; SES otherwise assumes 7-bit ASCII.
    private static Content utf8(String data) {
        return Content.builder()
                .data(data)
                .charset(StandardCharsets.UTF_8.name())
                .build();
    }
}
