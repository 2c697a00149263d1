package shop.subscriber;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
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
        StructuredLog invocation = new StructuredLog(subscriber.function(), context);
        Metrics metrics = new Metrics(subscriber.function(), context);
        // Until the envelope is read there are no ids to tie a line to, but every line still names both fields.
        StructuredLog log = invocation.and("orderId", null).and("eventId", null);
        try {
            Envelope envelope = Envelope.read(input, subscriber.function());
            log = invocation.and("orderId", envelope.orderId()).and("eventId", envelope.id());
            if (envelope.correlationId() != null) {
                log = log.and("correlationId", envelope.correlationId());
            }
            OrderCreated order =
                    subscriber.contract().read(envelope.source(), envelope.detailType(), envelope.detail());
            Handled handled = action.handle(order);
            log.and("outcome", handled.outcome().name())
                    .and("duplicate", handled.outcome().duplicate())
                    .info(subscriber.logEvent(), handled.fields().toArray());
            metrics.count(handled.outcome().duplicate() ? MetricNames.DUPLICATES : MetricNames.PROCESSED);
            // Not every contract reads createdAt: an order without one has no age to report.
            if (!handled.outcome().duplicate() && order.createdAt() != null) {
                metrics.orderAge(order.createdAt());
            }
        } catch (InvalidEventException poison) {
            // The order id alone ties the parked event to its order; nothing else of the detail is logged.
            log.warn("event.rejected", "problems", poison.problems());
            metrics.count(MetricNames.REJECTED);
            throw poison;
        } catch (RuntimeException failure) {
            if (failure instanceof ReportedFailure reported) {
                log.warn(reported.logEvent(), reported.logFields().toArray());
            } else {
                // The class names the cause; its message may quote the order, so it stays out of the log.
                log.error("delivery.failed", "error", failure.getClass().getSimpleName());
            }
            throw failure;
        } finally {
            metrics.flush();
        }
    }
}
