package shop.email;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A mailer that keeps what it sends, and can be told to fail the next sends as a provider would. */
final class RecordingMailer implements Mailer {

    private final List<Confirmation> sent = new ArrayList<>();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();

    /** The next send throws {@code failure} and sends nothing. */
    RecordingMailer failingNext(RuntimeException failure) {
        failures.add(failure);
        return this;
    }

    @Override
    public String send(Confirmation confirmation) {
        if (!failures.isEmpty()) {
            throw failures.poll();
        }
        sent.add(confirmation);
        return "message-" + sent.size();
    }

    List<Confirmation> sent() {
        return List.copyOf(sent);
    }
}
