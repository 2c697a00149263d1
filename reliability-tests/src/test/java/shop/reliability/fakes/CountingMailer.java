package shop.reliability.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import shop.email.Confirmation;
import shop.email.Mailer;

/** A mailer that keeps every confirmation it sends, from any number of threads. */
public final class CountingMailer implements Mailer {

    private final List<Confirmation> sent = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public synchronized String send(Confirmation confirmation) {
        sent.add(confirmation);
        return "message-" + ids.incrementAndGet();
    }

    /** How many confirmations mention {@code orderId} in their subject. */
    public synchronized int sentFor(String orderId) {
        return (int) sent.stream()
                .filter(confirmation -> confirmation.subject().contains(orderId))
                .count();
    }

    /** Every confirmation sent, in order. */
    public synchronized List<Confirmation> sent() {
        return List.copyOf(sent);
    }
}
