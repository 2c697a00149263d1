package shop.emulator;

import java.util.List;

/**
 * One message SES accepted, as the emulator recorded it.
 *
 * @param body the HTML part when the message has one, else the text part: moto records only that one part
 */
public record SentEmail(String source, List<String> to, String subject, String body) {}
