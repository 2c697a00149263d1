package shop.checkout.publishing;

import java.util.List;

/** What became of one attempt to publish an order; only {@link Accepted} means the bus holds the event. */
public sealed interface Publication {

    /** Calls made to the bus, retries included; 0 when the event was refused before any call. */
    int attempts();

    /** The bus took the event and gave it {@code eventId}. */
    record Accepted(String eventId, int attempts) implements Publication {}

    /**
     * The bus could not take the event now (throttling, internal failure, network) and retrying here did not help; the
     * client may try again later. {@code errorCodes} lists what each failed attempt reported.
     */
    record Unavailable(int attempts, List<String> errorCodes) implements Publication {
        public Unavailable {
            errorCodes = List.copyOf(errorCodes);
        }
    }

    /**
     * The event was refused for a reason no retry fixes (malformed detail, missing permission, unknown bus, entry too
     * large): a bug or misconfiguration on our side.
     */
    record Refused(int attempts, String errorCode, String errorMessage) implements Publication {}
}
