package shop.subscriber;

import java.util.List;

/**
 * A failure a subscriber expects and names in its own log event (e.g. another invocation holding the order's claim).
 * The skeleton logs it at WARN with the order and event ids and rethrows it, so Lambda retries the event.
 */
public abstract class ReportedFailure extends RuntimeException {

    private final String logEvent;
    private final List<Object> logFields;

    /**
     * @param message for the stack trace only: the log carries {@code logEvent} and {@code logFields}, never this
     * @param logEvent the log event name, e.g. {@code confirmation.in-progress}
     * @param logFields extra log fields as alternating names and values; never personal data
     */
    protected ReportedFailure(String message, String logEvent, Object... logFields) {
        super(message);
        if (logFields.length % 2 != 0) {
            throw new IllegalArgumentException("Log fields come in name/value pairs, got " + logFields.length);
        }
        this.logEvent = logEvent;
        this.logFields = List.of(logFields);
    }

    /** The log event name. */
    public String logEvent() {
        return logEvent;
    }

    /** The extra log fields, alternating names and values. */
    public List<Object> logFields() {
        return logFields;
    }
}
