package shop.checkout.fakes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * An EventBridgeClient that answers {@code PutEvents} from a script, one answer per call, and records every request.
 * Any other operation is the SDK's default: UnsupportedOperationException.
 */
public final class FakeEventBridge implements EventBridgeClient {

    /** How the fake answers one call: a response, or a thrown exception. */
    @FunctionalInterface
    public interface Answer extends Function<PutEventsRequest, PutEventsResponse> {}

    private final Deque<Answer> script;
    private final List<PutEventsRequest> requests = new ArrayList<>();

    public FakeEventBridge(Answer... answers) {
        this.script = new ArrayDeque<>(List.of(answers));
    }

    /** The bus took the entry. */
    public static Answer accepts(String eventId) {
        return request -> PutEventsResponse.builder()
                .failedEntryCount(0)
                .entries(PutEventsResultEntry.builder().eventId(eventId).build())
                .build();
    }

    /** HTTP 200, but the entry failed with {@code errorCode}, as PutEvents reports per-entry failures. */
    public static Answer entryFails(String errorCode) {
        return request -> PutEventsResponse.builder()
                .failedEntryCount(1)
                .entries(PutEventsResultEntry.builder()
                        .errorCode(errorCode)
                        .errorMessage(errorCode + " for the entry")
                        .build())
                .build();
    }

    /** The whole call fails, after whatever retries the SDK made. */
    public static Answer throwsException(RuntimeException exception) {
        return request -> {
            throw exception;
        };
    }

    /** A response the test spells out, for odd shapes. */
    public static Answer answers(PutEventsResponse response) {
        return request -> response;
    }

    @Override
    public PutEventsResponse putEvents(PutEventsRequest request) {
        requests.add(request);
        if (script.isEmpty()) {
            throw new AssertionError("PutEvents called " + requests.size() + " times; the script has fewer answers");
        }
        return script.removeFirst().apply(request);
    }

    /** Every PutEvents request, in order. */
    public List<PutEventsRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
