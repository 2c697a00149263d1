package shop.email;

/** An order confirmation ready to send: recipient, subject, and the same content as plain text and as HTML. */
public record Confirmation(String to, String subject, String text, String html) {}
