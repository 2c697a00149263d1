package shop.redrive;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** A {@link Redelivery} that records each payload and answers as told: a status, or a thrown refusal. */
final class RecordingRedelivery implements Redelivery {

    final List<String> payloads = new ArrayList<>();
    private final ToIntFunction<String> answer;

    private RecordingRedelivery(ToIntFunction<String> answer) {
        this.answer = answer;
    }

    /** Lambda queues every event. */
    static RecordingRedelivery accepting() {
        return new RecordingRedelivery(event -> Redrive.ACCEPTED);
    }

    /** Lambda answers each event as {@code answer} says; it may throw {@link RedeliveryException}. */
    static RecordingRedelivery answering(ToIntFunction<String> answer) {
        return new RecordingRedelivery(answer);
    }

    @Override
    public int invokeAsync(String event) {
        payloads.add(event);
        return answer.applyAsInt(event);
    }
}
