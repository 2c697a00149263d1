package shop.checkout.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;
import shop.events.EventJson;
import shop.events.OrderCreated;
import shop.events.OrderCreatedEvent;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes OrderCreated on the orders bus with one-entry {@code PutEvents} calls.
 *
 * <p>PutEvents answers 200 even when the entry failed, so the entry's own error code decides: only
 * {@code InternalFailure} and {@code ThrottlingException} are retried here, with {@link RetryPolicy} backoff. A whole
 * call that fails has already been retried by the SDK, so it is reported at once. Thread-safe if the client is.
 */
public final class EventBridgeOrderEvents implements OrderEvents {

    /** EventBridge refuses entries above 256 KB, counted as its user guide describes (see {@link #entrySize}). */
    public static final int MAX_ENTRY_BYTES = 256 * 1024;

    /** Entry error codes that a later attempt may not get. */
    static final Set<String> RETRYABLE_ENTRY_ERRORS = Set.of("InternalFailure", "ThrottlingException");

    private final EventBridgeClient client;
    private final String busName;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * @param busName name or ARN of the bus, from {@code EVENT_BUS_NAME}
     * @param sleeper waits between attempts; {@link Sleeper#THREAD} in production
     * @param random uniform values in [0, 1) for the jitter
     */
    public EventBridgeOrderEvents(
            EventBridgeClient client, String busName, RetryPolicy retryPolicy, Sleeper sleeper, DoubleSupplier random) {
        this.client = client;
        this.busName = busName;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.random = random;
    }

    @Override
    public Publication publish(OrderCreated order) {
        PutEventsRequestEntry entry = entry(order);
        int size = entrySize(entry);
        if (size > MAX_ENTRY_BYTES) {
            return new Publication.Refused(
                    0,
                    "EntryTooLarge",
                    "The entry is " + size + " bytes; EventBridge takes at most " + MAX_ENTRY_BYTES);
        }
        PutEventsRequest request = PutEventsRequest.builder().entries(entry).build();
        List<String> errorCodes = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            PutEventsResponse response;
            try {
                response = client.putEvents(request);
            } catch (AwsServiceException e) {
                return wholeCallFailed(attempt, errorCodes, e);
            } catch (SdkClientException e) {
                // Timeouts, resets, DNS: the SDK's own retries are spent; the client may try again shortly.
                errorCodes.add(e.getClass().getSimpleName());
                return new Publication.Unavailable(attempt, errorCodes);
            }
            Publication outcome = read(response, attempt);
            if (!(outcome instanceof Publication.Unavailable)) {
                return outcome;
            }
            errorCodes.addAll(((Publication.Unavailable) outcome).errorCodes());
            if (attempt == retryPolicy.maxAttempts()) {
                return new Publication.Unavailable(attempt, errorCodes);
            }
            try {
                sleeper.sleep(retryPolicy.delayAfter(attempt, random.getAsDouble()));
            } catch (InterruptedException e) {
                // Lambda is shutting the invocation down: keep the flag and stop, truthfully not accepted.
                Thread.currentThread().interrupt();
                errorCodes.add("Interrupted");
                return new Publication.Unavailable(attempt, errorCodes);
            }
        }
    }

    /** The entry as it goes on the wire; the detail is the contract's JSON form. */
    PutEventsRequestEntry entry(OrderCreated order) {
        try {
            return PutEventsRequestEntry.builder()
                    .eventBusName(busName)
                    .source(OrderCreatedEvent.SOURCE)
                    .detailType(OrderCreatedEvent.DETAIL_TYPE)
                    .detail(EventJson.mapper().writeValueAsString(EventJson.toTree(order)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write OrderCreated " + order.orderId() + " as JSON", e);
        }
    }

    /** EventBridge's entry size: Time (14 bytes if set), Source, DetailType, Detail and Resources in UTF-8. */
    static int entrySize(PutEventsRequestEntry entry) {
        int size = entry.time() == null ? 0 : 14;
        size += utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail());
        for (String resource : entry.resources()) {
            size += utf8(resource);
        }
        return size;
    }

    /** One entry sent, so one result expected; anything but a clean result with an id is not success. */
    private static Publication read(PutEventsResponse response, int attempt) {
        if (response.entries().size() != 1) {
            return new Publication.Refused(
                    attempt,
                    "UnexpectedResponse",
                    "Expected one result entry, got " + response.entries().size());
        }
        PutEventsResultEntry result = response.entries().get(0);
        String code = result.errorCode();
        if (code == null) {
            boolean counted = response.failedEntryCount() == null || response.failedEntryCount() == 0;
            return counted && result.eventId() != null
                    ? new Publication.Accepted(result.eventId(), attempt)
                    : new Publication.Refused(
                            attempt,
                            "UnexpectedResponse",
                            "No error code, but failedEntryCount " + response.failedEntryCount() + " and eventId "
                                    + result.eventId());
        }
        return RETRYABLE_ENTRY_ERRORS.contains(code)
                ? new Publication.Unavailable(attempt, List.of(code))
                : new Publication.Refused(attempt, code, result.errorMessage());
    }

    private static Publication wholeCallFailed(int attempt, List<String> earlier, AwsServiceException e) {
        String code = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                ? e.awsErrorDetails().errorCode()
                : e.getClass().getSimpleName();
        if (e.isThrottlingException() || e.statusCode() == 429 || e.statusCode() >= 500) {
            List<String> codes = new ArrayList<>(earlier);
            codes.add(code);
            return new Publication.Unavailable(attempt, codes);
        }
        // A 4xx other than throttling (AccessDenied, ResourceNotFound, validation): our configuration is wrong.
        return new Publication.Refused(
                attempt,
                code,
                e.awsErrorDetails() == null
                        ? e.getMessage()
                        : e.awsErrorDetails().errorMessage());
    }

    private static int utf8(String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }
}
