package shop.checkout.responses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import shop.checkout.validation.FieldError;
import shop.checkout.validation.Limits;
import shop.events.EventJson;

/**
 * Every answer {@code POST /orders} gives. Failures are RFC 9457 problem details ({@code application/problem+json})
 * with {@code type}, {@code title}, {@code status}, {@code detail} and, where they help, {@code errors},
 * {@code orderId} and {@code errorCode}.
 */
public final class Replies {

    /** How long a client should wait before retrying after 503; the bus's throttling clears within seconds. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    static final String PROBLEM_JSON = "application/problem+json";
    static final String JSON = "application/json";

    private static final ObjectMapper MAPPER = EventJson.mapper();

    private Replies() {}

    /** 202: the event is on the bus; fulfilment happens asynchronously. */
    public static Reply accepted(String orderId) {
        ObjectNode body = MAPPER.createObjectNode().put("orderId", orderId).put("status", "accepted");
        return new Reply(202, Map.of("Content-Type", JSON), write(body));
    }

    /** 400: lists every field error. */
    public static Reply invalid(List<FieldError> errors) {
        ObjectNode problem = problem(
                "invalid-order",
                "The order request is invalid",
                400,
                errors.size() + (errors.size() == 1 ? " field is" : " fields are") + " invalid; see errors.");
        problem.set("errors", MAPPER.valueToTree(errors));
        return new Reply(400, Map.of("Content-Type", PROBLEM_JSON), write(problem));
    }

    /**
     * 401: no verified identity came with the request. Behind the deployed API this cannot happen (API Gateway's JWT
     * authorizer refuses such requests first); it is what a direct invocation without claims gets.
     */
    public static Reply unauthenticated() {
        ObjectNode problem = problem(
                "unauthenticated",
                "Sign-in required",
                401,
                "The request carries no verified customer: send 'Authorization: Bearer <token>' with a token from the"
                        + " shop's identity provider whose 'sub' claim is your customer id.");
        return new Reply(401, Map.of("Content-Type", PROBLEM_JSON, "WWW-Authenticate", "Bearer"), write(problem));
    }

    /** 403: the body names a customer other than the signed-in one; {@code field} is where it does. */
    public static Reply otherCustomer(String field) {
        ObjectNode problem = problem(
                "other-customer",
                "The order names another customer",
                403,
                "Orders are placed for the signed-in customer only: leave " + field
                        + " out or send the id your token names.");
        problem.set(
                "errors",
                MAPPER.valueToTree(List.of(
                        new FieldError(field, "differs from the signed-in customer's id (the token's 'sub' claim)"))));
        return new Reply(403, Map.of("Content-Type", PROBLEM_JSON), write(problem));
    }

    /** 413: the body is over {@link Limits#MAX_BODY_BYTES}. */
    public static Reply tooLarge() {
        ObjectNode problem = problem(
                "body-too-large",
                "The request body is too large",
                413,
                "The body must be at most " + Limits.MAX_BODY_BYTES + " bytes.");
        return new Reply(413, Map.of("Content-Type", PROBLEM_JSON), write(problem));
    }

    /**
     * 415: the request's {@code Content-Type} is missing, is not JSON, or names a charset other than UTF-8;
     * {@code error} names the header and what to send.
     */
    public static Reply unsupportedMediaType(FieldError error) {
        ObjectNode problem = problem(
                "unsupported-media-type",
                "The request body is not JSON in UTF-8",
                415,
                "Send the order as JSON in UTF-8 with 'Content-Type: application/json'.");
        problem.set("errors", MAPPER.valueToTree(List.of(error)));
        return new Reply(415, Map.of("Content-Type", PROBLEM_JSON), write(problem));
    }

    /**
     * 503: the bus did not confirm the event. Usually it refused it (throttling), but after a timeout or a reset it may
     * hold it all the same, so the answer promises neither: a retry with the same key keeps the order id, and the
     * subscribers fulfil an order id once however often it is published.
     */
    public static Reply unavailable(String orderId) {
        ObjectNode problem = problem(
                "orders-unavailable",
                "Orders cannot be accepted right now",
                503,
                "The orders bus did not confirm the order. Retry after " + RETRY_AFTER.toSeconds()
                        + " seconds with the same Idempotency-Key: the order keeps its id and is fulfilled once,"
                        + " whether or not this attempt reached the bus.");
        problem.put("orderId", orderId);
        return new Reply(
                503,
                Map.of("Content-Type", PROBLEM_JSON, "Retry-After", Long.toString(RETRY_AFTER.toSeconds())),
                write(problem));
    }

    /** 500: the bus refused the event for a reason retrying will not fix; {@code errorCode} is EventBridge's. */
    public static Reply refused(String orderId, String errorCode) {
        ObjectNode problem = problem(
                "order-not-published",
                "The order could not be published",
                500,
                "The order was not placed: the orders bus refused it with " + errorCode + ".");
        problem.put("orderId", orderId).put("errorCode", errorCode);
        return new Reply(500, Map.of("Content-Type", PROBLEM_JSON), write(problem));
    }

    /** 500: the event we built broke its own schema, which is a bug in checkout; nothing was sent. */
    public static Reply eventBrokeContract(String orderId) {
        ObjectNode problem = problem(
                "order-event-invalid",
                "The order event broke its contract",
                500,
                "The order was not placed: checkout built an OrderCreated event its schema rejects.");
        problem.put("orderId", orderId);
        return new Reply(500, Map.of("Content-Type", PROBLEM_JSON), write(problem));
    }

    private static ObjectNode problem(String type, String title, int status, String detail) {
        return MAPPER.createObjectNode()
                .put("type", "urn:shop:problem:" + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
    }

    private static String write(JsonNode body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a response tree, which holds only strings and numbers", e);
        }
    }
}
