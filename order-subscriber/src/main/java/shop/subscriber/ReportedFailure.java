package shop.subscriber;

import java.util.List;

/**
 * A failure a subscriber expects and names in its own log event (e.g. another invocation holding the order's claim).
 * The skeleton logs it at WARN with the order and event ids and rethrows it, so Lambda retries the event.
 */
public interface ReportedFailure {

    /** The log event name, e.g. {@code confirmation.in-progress}. */
    String logEvent();

    /** Extra log fields as alternating names and values; never personal data. */
    List<Object> logFields();
}
