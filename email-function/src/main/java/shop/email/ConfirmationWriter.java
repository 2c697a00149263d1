package shop.email;

import java.util.List;
import shop.events.OrderCreated;
import shop.events.OrderCreated.LineItem;

/**
 * Writes the confirmation email for an order: the order id in the subject; each item with its quantity and line total,
 * then the order total, in both a plain-text and an HTML body.
 *
 * <p>Every string from the event is HTML-escaped before it goes into the HTML body: names of customers and products are
 * typed by people, and an email client renders what it is given. Stateless and thread-safe.
 */
public final class ConfirmationWriter {

    /** The confirmation for {@code order}, addressed to the customer. */
    public Confirmation write(OrderCreated order) {
        String currency = order.total().currency();
        List<Line> lines = order.items().stream()
                .map(item -> new Line(item, MoneyText.format(lineTotal(item), currency)))
                .toList();
        String total = MoneyText.format(order.total().amount(), currency);
        return new Confirmation(
                order.customer().email(),
                "Your order " + order.orderId() + " is confirmed",
                text(order, lines, total),
                html(order, lines, total));
    }

    private record Line(LineItem item, String total) {}

    private static long lineTotal(LineItem item) {
        return Math.multiplyExact(item.unitPrice(), (long) item.quantity());
    }

    private static String text(OrderCreated order, List<Line> lines, String total) {
        StringBuilder text = new StringBuilder()
                .append("Hello ")
                .append(order.customer().name())
                .append(",\n\n")
                .append("Thank you for your order ")
                .append(order.orderId())
                .append(". You ordered:\n\n");
        for (Line line : lines) {
            text.append(line.item().quantity())
                    .append(" x ")
                    .append(line.item().name())
                    .append(": ")
                    .append(line.total())
                    .append('\n');
        }
        return text.append("\nTotal: ")
                .append(total)
                .append("\n\n")
                .append("We will write again when your order ships.\n")
                .toString();
    }

    private static String html(OrderCreated order, List<Line> lines, String total) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Order ")
                .append(escape(order.orderId()))
                .append(" confirmed</title></head>\n<body>\n")
                .append("<p>Hello ")
                .append(escape(order.customer().name()))
                .append(",</p>\n")
                .append("<p>Thank you for your order ")
                .append(escape(order.orderId()))
                .append(". You ordered:</p>\n")
                .append("<table>\n<thead><tr><th>Item</th><th>Quantity</th><th>Price</th></tr></thead>\n<tbody>\n");
        for (Line line : lines) {
            html.append("<tr><td>")
                    .append(escape(line.item().name()))
                    .append("</td><td>")
                    .append(line.item().quantity())
                    .append("</td><td>")
                    .append(escape(line.total()))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n<tfoot><tr><th colspan=\"2\">Total</th><td>")
                .append(escape(total))
                .append("</td></tr></tfoot>\n</table>\n")
                .append("<p>We will write again when your order ships.</p>\n</body>\n</html>\n")
                .toString();
    }

    /**
     * Escapes the five characters that matter in element content and quoted attribute values, which is everywhere this
     * template puts text; a templating library would be more weight at cold start than this one email needs.
     */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
