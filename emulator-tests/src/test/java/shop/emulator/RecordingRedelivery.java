package shop.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import shop.redrive.Redelivery;
import shop.redrive.RedeliveryException;

/**
 * Stands in for Lambda's asynchronous invoke in the redrive (the emulators run Java functions only through Docker):
 * records each payload and accepts it with 202, or refuses it as Lambda does when throttling.
 */
final class RecordingRedelivery implements Redelivery {

    final List<String> payloads = new CopyOnWriteArrayList<>();
    private final boolean accepting;

    private RecordingRedelivery(boolean accepting) {
        this.accepting = accepting;
    }

    static RecordingRedelivery accepting() {
        return new RecordingRedelivery(true);
    }

    static RecordingRedelivery refusing() {
        return new RecordingRedelivery(false);
    }

    @Override
    public int invokeAsync(String event) {
        payloads.add(event);
        if (!accepting) {
            throw new RedeliveryException("Invoke failed: Rate Exceeded. (Service: Lambda, Status Code: 429)", null);
        }
        return 202;
    }

    @Override
    public String toString() {
        return accepting ? "accepting" : "refusing";
    }
}
