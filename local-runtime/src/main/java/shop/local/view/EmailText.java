package shop.local.view;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The text a person reads in an .eml of the outbox: its subject and its text/plain part. Stateless. */
final class EmailText {

    private EmailText() {}

    /** "Subject: ...", a blank line, then the text part; a message that cannot be read says why instead. */
    static String of(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            String subject = Optional.ofNullable(message.getSubject()).orElse("(no subject)");
            return "Subject: " + subject + "\n\n" + textPart(message).orElse("(no text/plain part)");
        } catch (IOException | MessagingException e) {
            return "(cannot read " + eml.getFileName() + ": " + e.getMessage() + ")";
        }
    }

    private static Optional<String> textPart(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> text = textPart(child);
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }
}
