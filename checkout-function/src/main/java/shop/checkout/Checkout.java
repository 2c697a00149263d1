package shop.checkout;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import shop.checkout.authorization.Ownership;
import shop.checkout.ordering.IdempotencyKey;
import shop.checkout.ordering.OrderIds;
import shop.checkout.publishing.OrderEvents;
import shop.checkout.publishing.Publication;
import shop.checkout.responses.Replies;
import shop.checkout.responses.Reply;
import shop.checkout.validation.ContentType;
import shop.checkout.validation.FieldError;
import shop.checkout.validation.OrderDraft;
import shop.checkout.validation.OrderRequestValidator;
import shop.checkout.validation.RequestBody;
import shop.checkout.validation.Validation;
import shop.events.EventJson;
import shop.events.OrderCreated;
import shop.events.OrderCreatedEvent;
import shop.events.SchemaCheck;
import shop.wiring.StructuredLog;
import shop.wiring.metrics.MetricNames;
import shop.wiring.metrics.Metrics;

/**
 * Places an order for the signed-in customer: validates the request, builds the OrderCreated event, checks it against
 * the producer schema and publishes it. Answers 202 only when the bus accepted the event. The customer id is the
 * verified token's, never the body's: a body naming someone else gets 403, a request without a verified customer 401. A
 * body not declared as JSON in UTF-8 gets 415; one that is not well-formed UTF-8 JSON gets 400.
 *
 * <p>Logs carry the order id, the request's correlation id and the outcome, never the customer's email, name or
 * address. Metrics count each outcome ({@link MetricNames}): accepted, refused by reason, unavailable, and the
 * PutEvents attempts an order took. Thread-safe if its collaborators are.
 */
public record Checkout(
        OrderRequestValidator validator,
        OrderIds orderIds,
        SchemaCheck producerSchema,
        OrderEvents events,
        Clock clock) {

    /** Production rules: the standard validator, random ids without a key, and today's producer schema. */
    public Checkout(OrderEvents events, Clock clock) {
        this(
                new OrderRequestValidator(),
                new OrderIds(UUID::randomUUID),
                SchemaCheck.producer(OrderCreatedEvent.CURRENT_VERSION),
                events,
                clock);
    }

    /**
     * Handles one {@code POST /orders}: {@code log} and {@code metrics} are the invocation's; the order event carries
     * the request id as its correlation id, and so does every line logged about it.
     */
    public Reply place(Submission submission, StructuredLog log, Metrics metrics) {
        return decide(submission, log.and("correlationId", submission.requestId()), metrics);
    }

    private Reply decide(Submission submission, StructuredLog log, Metrics metrics) {
        if (submission.customerId() == null) {
            return refuse(log, metrics, Replies.unauthenticated(), "no-verified-customer");
        }
        // Before the body: bytes not declared as JSON in UTF-8 are not read at all (ContentType: a missing header).
        if (ContentType.judge(submission.header(ContentType.HEADER)) instanceof ContentType.Unsupported unsupported) {
            return refuse(log, metrics, Replies.unsupportedMediaType(unsupported.error()), "unsupported-media-type");
        }
        RequestBody.Content body = RequestBody.read(submission.body(), submission.base64Encoded());
        if (body instanceof RequestBody.TooLarge tooLarge) {
            return refuse(log, metrics, Replies.tooLarge(), "body-too-large", "bytes", tooLarge.bytes());
        }
        if (body instanceof RequestBody.Json json && !Ownership.bind(json.tree(), submission.customerId())) {
            return refuse(log, metrics, Replies.otherCustomer(Ownership.FIELD), "other-customer");
        }
        List<FieldError> errors = new ArrayList<>();
        IdempotencyKey.Lookup key = IdempotencyKey.lookup(submission.header(IdempotencyKey.HEADER));
        if (key instanceof IdempotencyKey.Malformed malformed) {
            errors.add(new FieldError("header:" + IdempotencyKey.HEADER, malformed.message()));
        }
        Validation validation = body instanceof RequestBody.Json json
                ? validator.validate(json.tree())
                : new Validation.Invalid(((RequestBody.Unreadable) body).errors());
        if (validation instanceof Validation.Invalid invalid) {
            errors.addAll(invalid.errors());
        }
        if (!errors.isEmpty()) {
            return refuse(
                    log,
                    metrics,
                    Replies.invalid(errors),
                    "invalid",
                    "fields",
                    errors.stream().map(FieldError::field).toList());
        }
        OrderDraft draft = ((Validation.Valid) validation).draft();
        String orderId = orderIds.orderIdFor(draft.customer().customerId(), key);
        OrderCreated order =
                draft.toEvent(orderId, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), submission.requestId());
        return publish(order, key instanceof IdempotencyKey.Present, log, metrics);
    }

    /**
     * Refuses the request itself with {@code reply}: logs {@code order.rejected} with the reply's status,
     * {@code reason} and {@code fields} (name, value pairs), and counts the refusal by the same reason. The 5xx answers
     * are counted where publishing decides them.
     */
    private static Reply refuse(StructuredLog log, Metrics metrics, Reply reply, String reason, Object... fields) {
        Object[] line = new Object[4 + fields.length];
        line[0] = "status";
        line[1] = reply.status();
        line[2] = "reason";
        line[3] = reason;
        System.arraycopy(fields, 0, line, 4, fields.length);
        log.info("order.rejected", line);
        metrics.count(MetricNames.ORDERS_REFUSED, MetricNames.REASON, reason);
        return reply;
    }

    private Reply publish(OrderCreated order, boolean keyed, StructuredLog log, Metrics metrics) {
        String orderId = order.orderId();
        List<String> violations = producerSchema.violations(EventJson.toTree(order));
        if (!violations.isEmpty()) {
            // Paths only: a violation message may quote the offending value, which can be personal data.
            log.warn(
                    "order.event_invalid",
                    "orderId",
                    orderId,
                    "status",
                    500,
                    "violations",
                    violations.stream()
                            .map(violation -> violation.split(":", 2)[0])
                            .toList());
            metrics.count(MetricNames.ORDERS_REFUSED, MetricNames.REASON, "event-invalid");
            return Replies.eventBrokeContract(orderId);
        }
        Publication publication = events.publish(order);
        metrics.add(MetricNames.PUT_EVENTS_ATTEMPTS, Metrics.Unit.COUNT, publication.attempts());
        if (publication instanceof Publication.Accepted accepted) {
            metrics.count(MetricNames.ORDERS_ACCEPTED);
            log.info(
                    "order.accepted",
                    "orderId",
                    orderId,
                    "status",
                    202,
                    "eventId",
                    accepted.eventId(),
                    "attempts",
                    accepted.attempts(),
                    "keyed",
                    keyed);
            return Replies.accepted(orderId);
        }
        if (publication instanceof Publication.Unavailable unavailable) {
            log.warn(
                    "order.unavailable",
                    "orderId",
                    orderId,
                    "status",
                    503,
                    "attempts",
                    unavailable.attempts(),
                    "errorCodes",
                    unavailable.errorCodes());
            metrics.count(MetricNames.ORDERS_UNAVAILABLE);
            return Replies.unavailable(orderId);
        }
        Publication.Refused refused = (Publication.Refused) publication;
        // The bus's message is left out: it is free text about our detail, which holds personal data.
        log.warn(
                "order.publish_refused",
                "orderId",
                orderId,
                "status",
                500,
                "attempts",
                refused.attempts(),
                "errorCode",
                refused.errorCode());
        metrics.count(MetricNames.ORDERS_REFUSED, MetricNames.REASON, "bus-refused");
        return Replies.refused(orderId, refused.errorCode());
    }
}
