package shop.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import shop.local.json.Json;
import shop.local.outbox.Outbox;

/**
 * SES v2's {@code SendEmail} ({@code POST /v2/email/outbound-emails}, REST JSON): simple content becomes a
 * multipart/alternative {@code .eml} in the outbox, raw content is written as sent; templates are refused by name.
 * Thread-safe.
 */
public final class SesService {

    static final String PATH = "/v2/email/outbound-emails";
    static final int MAX_RECIPIENTS = 50;

    /** A sent message's effect is "SendEmail -> " and its .eml file; {@link #emailOf} reads it. */
    private static final String SENT = "SendEmail -> ";

    private final Outbox outbox;
    private final Effects effects;
    private final Supplier<String> messageIds;

    /** Writes to {@code outbox}, recording every message written in {@code effects}. */
    public SesService(Outbox outbox, Effects effects) {
        this(outbox, effects, SesService::messageId);
    }

    SesService(Outbox outbox, Effects effects, Supplier<String> messageIds) {
        this.outbox = outbox;
        this.effects = effects;
        this.messageIds = messageIds;
    }

    /** The .eml file a sent message's effect names; empty for any other effect. */
    public static Optional<Path> emailOf(String effect) {
        return effect.startsWith(SENT) ? Optional.of(Path.of(effect.substring(SENT.length()))) : Optional.empty();
    }

    /** Answers {@code {"MessageId": ...}} once the message is in the outbox. */
    public JsonNode sendEmail(JsonNode request) {
        JsonNode content = request.path("Content");
        String messageId = messageIds.get();
        if (content.has("Raw")) {
            byte[] raw =
                    Base64.getDecoder().decode(content.path("Raw").path("Data").asText(""));
            if (raw.length == 0) {
                throw badRequest("Raw message data is empty.");
            }
            effects.record(SENT + outbox.writeRaw(messageId, raw));
        } else if (content.has("Simple")) {
            Outbox.Email email = simple(request, content.path("Simple"));
            try {
                effects.record(SENT + outbox.write(messageId, email));
            } catch (IllegalArgumentException e) {
                // Jakarta Mail refused an address or header: SES refuses those too, before sending anything.
                throw badRequest(e.getMessage());
            }
        } else if (content.has("Template")) {
            throw badRequest("Template content is not emulated by the local stand-in; send Simple or Raw content.");
        } else {
            throw badRequest("Content is required: one of Simple, Raw or Template.");
        }
        ObjectNode response = Json.object();
        response.put("MessageId", messageId);
        return response;
    }

    private static Outbox.Email simple(JsonNode request, JsonNode simple) {
        String from = request.path("FromEmailAddress").asText("");
        if (from.isBlank()) {
            throw badRequest("FromEmailAddress is required for Simple content.");
        }
        JsonNode destination = request.path("Destination");
        List<String> to = strings(destination.path("ToAddresses"));
        List<String> cc = strings(destination.path("CcAddresses"));
        int recipients = to.size()
                + cc.size()
                + strings(destination.path("BccAddresses")).size();
        if (recipients == 0) {
            throw badRequest("Destination must name at least one recipient.");
        }
        if (recipients > MAX_RECIPIENTS) {
            throw badRequest("Recipient count exceeds " + MAX_RECIPIENTS + ".");
        }
        JsonNode subject = simple.path("Subject");
        if (!subject.hasNonNull("Data")) {
            throw badRequest("Subject is required for Simple content.");
        }
        JsonNode body = simple.path("Body");
        Optional<String> text =
                Optional.ofNullable(body.path("Text").path("Data").textValue());
        Optional<String> html =
                Optional.ofNullable(body.path("Html").path("Data").textValue());
        if (text.isEmpty() && html.isEmpty()) {
            throw badRequest("Body must have Text, Html or both.");
        }
        String charset = charset(subject, body);
        List<Outbox.Header> headers = new ArrayList<>();
        simple.path("Headers")
                .forEach(h -> headers.add(new Outbox.Header(
                        h.path("Name").asText(), h.path("Value").asText())));
        if (simple.has("Attachments")) {
            throw badRequest("Attachments are not emulated by the local stand-in.");
        }
        return new Outbox.Email(
                from,
                to,
                cc,
                strings(request.path("ReplyToAddresses")),
                subject.path("Data").asText(),
                charset,
                text,
                html,
                headers);
    }

    /** SES defaults to UTF-8; a charset given on any part applies, as the message has one. */
    private static String charset(JsonNode subject, JsonNode body) {
        for (JsonNode part : List.of(subject, body.path("Text"), body.path("Html"))) {
            String charset = part.path("Charset").asText("");
            if (!charset.isBlank()) {
                return charset;
            }
        }
        return StandardCharsets.UTF_8.name();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static ServiceError badRequest(String message) {
        return new ServiceError(400, "BadRequestException", message);
    }

    /** Shaped like SES's own ids: time-ordered hex, then a random part. */
    private static String messageId() {
        String time = HexFormat.of().toHexDigits(System.currentTimeMillis()).substring(4);
        return "0100" + time + "-" + UUID.randomUUID() + "-000000";
    }
}
