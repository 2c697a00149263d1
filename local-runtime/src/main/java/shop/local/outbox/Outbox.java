package shop.local.outbox;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import shop.local.journal.Journal;

/**
 * A folder of sent emails, one RFC 5322 {@code .eml} file per message, openable in any mail client.
 *
 * <p>Messages are composed with Jakarta Mail, so headers, encodings and the multipart/alternative structure are those
 * of a real mail library rather than ours. Files appear whole (written aside, then moved). Thread-safe.
 */
public final class Outbox {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader scan of every jar, for every body part it
        // creates or writes (a tenth of the runtime's CPU under load, measured with JFR); naming the provider skips
        // the scan. An explicit setting wins.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    public Outbox(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** A message as SES's simple content describes it; {@code text} or {@code html} may be absent, not both. */
    public record Email(
            String from,
            List<String> to,
            List<String> cc,
            List<String> replyTo,
            String subject,
            String charset,
            Optional<String> text,
            Optional<String> html,
            List<Header> headers) {}

    /** An extra header the sender asked for. */
    public record Header(String name, String value) {}

    /** Composes and writes {@code email}; returns the file. {@code messageId} becomes the Message-ID's local part. */
    public Path write(String messageId, Email email) {
        try {
            MimeMessage message = new IdentifiedMessage(session, "<" + messageId + "@email.amazonses.com>");
            message.setFrom(new InternetAddress(email.from(), true));
            message.setRecipients(Message.RecipientType.TO, addresses(email.to()));
            if (!email.cc().isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, addresses(email.cc()));
            }
            if (!email.replyTo().isEmpty()) {
                message.setReplyTo(addresses(email.replyTo()));
            }
            message.setSubject(email.subject(), email.charset());
            message.setSentDate(Date.from(clock.instant()));
            for (Header header : email.headers()) {
                message.addHeader(header.name(), header.value());
            }
            if (email.text().isPresent() && email.html().isPresent()) {
                // Plain text first, HTML last: RFC 2046 puts the preferred rendering last.
                MimeMultipart alternative = new MimeMultipart("alternative");
                alternative.addBodyPart(part(email.text().get(), email.charset(), "plain"));
                alternative.addBodyPart(part(email.html().get(), email.charset(), "html"));
                message.setContent(alternative);
            } else if (email.html().isPresent()) {
                message.setText(email.html().get(), email.charset(), "html");
            } else {
                message.setText(email.text().orElseThrow(), email.charset(), "plain");
            }
            message.saveChanges();
            return store(messageId, message::writeTo);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Cannot compose the email: " + e.getMessage(), e);
        }
    }

    /** Writes a message the sender composed itself (SES raw content) as it came. */
    public Path writeRaw(String messageId, byte[] rfc5322) {
        return store(messageId, out -> out.write(rfc5322));
    }

    /** Every message in the outbox, oldest first. */
    public List<Path> messages() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the outbox " + folder, e);
        }
    }

    private Path store(String messageId, Body body) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(FILE_TIME.format(clock.instant()) + "-" + messageId + ".eml");
            Path partial = folder.resolve("." + target.getFileName() + ".partial");
            try (FileChannel channel = FileChannel.open(
                    partial,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 16 * 1024);
                body.writeTo(out);
                out.flush();
                // SES has accepted the message once it answers: the file is on disk before that, under its own name
                // (the data here, the rename by forcing the folder below).
                channel.force(false);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            Journal.forceFolder(folder);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the outbox " + folder, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot write the email " + messageId + ": " + e.getMessage(), e);
        }
    }

    private static InternetAddress[] addresses(List<String> addresses) throws MessagingException {
        InternetAddress[] parsed = new InternetAddress[addresses.size()];
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = new InternetAddress(addresses.get(i), true);
        }
        return parsed;
    }

    private static MimeBodyPart part(String content, String charset, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, charset, subtype);
        return part;
    }

    @FunctionalInterface
    private interface Body {
        void writeTo(OutputStream out) throws IOException, MessagingException;
    }

    /** Jakarta Mail would invent a Message-ID from the host name; SES's names the message it answered with. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
