package shop.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * The SES v2 stand-in, driven by the real SDK v2 client: what is sent lands in the outbox as a mail client reads it.
 */
class SesStandInIT {

    @TempDir
    Path folder;

    StandInFixture aws;
    SesV2Client ses;

    @BeforeEach
    void start() {
        aws = new StandInFixture(folder);
        ses = aws.sesClient();
    }

    @AfterEach
    void stop() {
        ses.close();
        aws.close();
    }

    @Test
    void simpleContentBecomesAMultipartAlternativeEmlWithProperHeaders() throws Exception {
        String messageId = ses.sendEmail(
                        simple("Ihre Bestellung für Mira Kovač", "Danke, Mira.", "<p>Danke, Mira.</p>"))
                .messageId();

        MimeMessage eml = read(aws.outbox.messages().get(0));

        assertThat(aws.outbox.messages())
                .singleElement()
                .satisfies(file -> assertThat(file.toString()).endsWith(messageId + ".eml"));
        assertThat(aws.effects.take("local"))
                .singleElement()
                .satisfies(effect -> assertThat(SesService.emailOf(effect))
                        .contains(aws.outbox.messages().get(0)));
        assertThat(eml.getFrom()).containsExactly(new InternetAddress("orders@shop.example"));
        assertThat(eml.getRecipients(Message.RecipientType.TO))
                .containsExactly(new InternetAddress("mira.kovac@example.com"));
        assertThat(eml.getSubject()).isEqualTo("Ihre Bestellung für Mira Kovač");
        assertThat(eml.getSentDate()).isEqualTo(Date.from(StandInFixture.NOW));
        assertThat(eml.getMessageID()).isEqualTo("<" + messageId + "@email.amazonses.com>");
        assertThat(eml.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) eml.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType())
                .startsWith("text/plain")
                .containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Danke, Mira.");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Danke, Mira.</p>");
    }

    @Test
    void emlKeepsItsHeadersInAsciiAsRfc5322Requires() throws Exception {
        ses.sendEmail(simple("Ihre Bestellung für Mira Kovač", "Danke.", "<p>Danke.</p>"));

        String raw = Files.readString(aws.outbox.messages().get(0), StandardCharsets.ISO_8859_1);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));

        assertThat(headers.chars()).allMatch(c -> c < 128);
        assertThat(headers)
                .contains("Subject: =?UTF-8?")
                .contains("MIME-Version: 1.0")
                .contains("Date: ");
    }

    @Test
    void rawContentIsWrittenAsSent() throws Exception {
        byte[] raw = "From: orders@shop.example\r\nTo: ana@example.com\r\nSubject: Raw\r\n\r\nHello\r\n"
                .getBytes(StandardCharsets.US_ASCII);

        ses.sendEmail(b -> b.content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw)))));

        assertThat(Files.readAllBytes(aws.outbox.messages().get(0))).isEqualTo(raw);
    }

    @Test
    void templateContentIsRefusedAsNotEmulated() {
        assertThatThrownBy(() -> ses.sendEmail(b -> b.fromEmailAddress("orders@shop.example")
                        .destination(d -> d.toAddresses("ana@example.com"))
                        .content(c ->
                                c.template(t -> t.templateName("Confirmation").templateData("{}")))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Template content is not emulated");
        assertThat(aws.outbox.messages()).isEmpty();
    }

    @Test
    void messageWithoutRecipientsIsRefused() {
        assertThatThrownBy(() -> ses.sendEmail(simple("Subject", "Text", "<p>Html</p>").toBuilder()
                        .destination(d -> d.toAddresses(List.of()))
                        .build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("at least one recipient");
    }

    @Test
    void malformedAddressIsRefused() {
        assertThatThrownBy(() -> ses.sendEmail(simple("Subject", "Text", "<p>Html</p>").toBuilder()
                        .destination(d -> d.toAddresses("not an address"))
                        .build()))
                .isInstanceOf(BadRequestException.class);
        assertThat(aws.outbox.messages()).isEmpty();
    }

    private static SendEmailRequest simple(String subject, String text, String html) {
        return SendEmailRequest.builder()
                .fromEmailAddress("orders@shop.example")
                .destination(d -> d.toAddresses("mira.kovac@example.com"))
                .content(EmailContent.builder()
                        .simple(m -> m.subject(utf8(subject))
                                .body(Body.builder()
                                        .text(utf8(text))
                                        .html(utf8(html))
                                        .build()))
                        .build())
                .build();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }

    private static MimeMessage read(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
