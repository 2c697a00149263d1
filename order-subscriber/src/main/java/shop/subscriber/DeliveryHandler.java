package shop.subscriber;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import shop.events.InvalidEventException;
import shop.events.OrderCreated;
import shop.wiring.StructuredLog;
import shop.wiring.metrics.MetricNames;
import shop.wiring.metrics.Metrics;

/**
 * Handles each delivery of an OrderCreated event to one subscriber: reads the envelope through the consumer contract,
 * runs the domain action and logs its outcome, or logs the rejection or failure and rethrows it so Lambda retries the
 * event and then sends it to the function's OnFailure queue. Logs carry ids and outcomes, never personal data.
 * Thread-safe when the action is.
 */
public final class DeliveryHandler implements RequestStreamHandler {

    private final Subscriber subscriber;
    private final OrderAction action;

    DeliveryHandler(Subscriber subscriber, OrderAction action) {
        this.subscriber = subscriber;
        this.action = action;
    }

    /** As Lambda calls it: the subscriber writes no response. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        handle(input, context);
    }

    /**
     * Handles the envelope in {@code input}; throws, after logging why, when the event must be retried or parked. Every
     * line carries the order and event ids and, from OrderCreated 1.1 on, the API request's correlation id; the metrics
     * say whether the order was processed, a duplicate or rejected, and how old it was at its effect.
     */
    public void handle(InputStream input, Context context) {
        StructuredLog log = new StructuredLog(subscriber.function(), context);
        Metrics metrics = new Metrics(subscriber.function(), context);
        Envelope envelope = null;
        OrderCreated order = null;
        try {
            envelope = Envelope.read(input, subscriber.function());
            order = subscriber.contract().read(envelope.source(), envelope.detailType(), envelope.detail());
            Handled handled = action.handle(order);
            log.info(
                    subscriber.logEvent(),
                    ids(
                            envelope,
                            order,
                            "outcome",
                            handled.outcome().name(),
                            "duplicate",
                            handled.outcome().duplicate(),
                            handled.fields()));
            metrics.count(handled.outcome().duplicate() ? MetricNames.DUPLICATES : MetricNames.PROCESSED);
            // Not every contract reads createdAt: an order without one has no age to report.
            if (!handled.outcome().duplicate() && order.createdAt() != null) {
                metrics.orderAge(order.createdAt());
            }
        } catch (InvalidEventException poison) {
            // The order id alone ties the parked event to its order; nothing else of the detail is logged.
            log.warn("event.rejected", ids(envelope, order, "problems", poison.problems()));
            metrics.count(MetricNames.REJECTED);
            throw poison;
        } catch (RuntimeException failure) {
            if (failure instanceof ReportedFailure reported) {
                log.warn(reported.logEvent(), ids(envelope, order, reported.logFields()));
            } else {
                // The class names the cause; its message may quote the order, so it stays out of the log.
                log.error(
                        "delivery.failed",
                        ids(envelope, order, "error", failure.getClass().getSimpleName()));
            }
            throw failure;
        } finally {
            metrics.flush();
        }
    }

    /**
     * The order, event and correlation ids, then {@code fields}, where a trailing list is spread as more name/value
     * pairs.
     */
    private static Object[] ids(Envelope envelope, OrderCreated order, Object... fields) {
        String orderId = order != null ? order.orderId() : envelope == null ? null : envelope.orderId();
        List<Object> line =
                new ArrayList<>(Arrays.asList("orderId", orderId, "eventId", envelope == null ? null : envelope.id()));
        String correlationId =
                order != null ? order.correlationId() : envelope == null ? null : envelope.correlationId();
        if (correlationId != null) {
            line.addAll(List.of("correlationId", correlationId));
        }
        for (Object field : fields) {
            if (field instanceof List<?> more && line.size() % 2 == 0) {
                line.addAll(more);
            } else {
                line.add(field);
            }
        }
        return line.toArray();
    }
}
