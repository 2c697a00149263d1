package shop.checkout.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.checkout.validation.FieldError;
import shop.events.EventJson;

class RepliesTest {

    private static final String ORDER_ID = "3d6f1c2a-8b4e-4f7a-9c1d-2e5b8a7f6c40";

    record Problem(String name, Reply reply, int status, String type) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Problem> problems() {
        return Stream.of(
                new Problem(
                        "invalid",
                        Replies.invalid(List.of(new FieldError("$.currency", "is required"))),
                        400,
                        "urn:shop:problem:invalid-order"),
                new Problem("too large", Replies.tooLarge(), 413, "urn:shop:problem:body-too-large"),
                new Problem("unauthenticated", Replies.unauthenticated(), 401, "urn:shop:problem:unauthenticated"),
                new Problem(
                        "other customer",
                        Replies.otherCustomer("$.customer.customerId"),
                        403,
                        "urn:shop:problem:other-customer"),
                new Problem("unavailable", Replies.unavailable(ORDER_ID), 503, "urn:shop:problem:orders-unavailable"),
                new Problem(
                        "refused",
                        Replies.refused(ORDER_ID, "MalformedDetail"),
                        500,
                        "urn:shop:problem:order-not-published"),
                new Problem(
                        "event broke its contract",
                        Replies.eventBrokeContract(ORDER_ID),
                        500,
                        "urn:shop:problem:order-event-invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void everyFailureIsAnRfc9457Problem(Problem problem) {
        JsonNode body = json(problem.reply().body());

        assertThat(problem.reply().status()).isEqualTo(problem.status());
        assertThat(problem.reply().headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(body.get("type").asText()).isEqualTo(problem.type());
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("status").asInt()).isEqualTo(problem.status());
        assertThat(body.get("detail").asText()).isNotBlank();
    }

    @Test
    void anInvalidRequestListsEachFieldWithItsMessage() {
        Reply reply = Replies.invalid(List.of(
                new FieldError("$.items[0].quantity", "must be between 1 and 1000"),
                new FieldError("$.currency", "is required")));

        JsonNode errors = json(reply.body()).get("errors");

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("$.items[0].quantity");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("must be between 1 and 1000");
        assertThat(json(reply.body()).get("detail").asText()).isEqualTo("2 fields are invalid; see errors.");
    }

    @Test
    void unavailableTellsTheClientWhenToRetry() {
        Reply reply = Replies.unavailable(ORDER_ID);

        assertThat(reply.headers()).containsEntry("Retry-After", "2");
        assertThat(json(reply.body()).get("orderId").asText()).isEqualTo(ORDER_ID);
    }

    @Test
    void refusedNamesTheBusesErrorCode() {
        Reply reply = Replies.refused(ORDER_ID, "AccessDeniedException");

        assertThat(json(reply.body()).get("errorCode").asText()).isEqualTo("AccessDeniedException");
    }

    @Test
    void acceptedCarriesTheOrderIdAndStatus() {
        Reply reply = Replies.accepted(ORDER_ID);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.headers()).containsEntry("Content-Type", "application/json");
        assertThat(json(reply.body()).properties())
                .extracting(entry -> entry.getKey() + "=" + entry.getValue().asText())
                .containsExactly("orderId=" + ORDER_ID, "status=accepted");
    }

    private static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Reply body is not JSON: " + body, e);
        }
    }
}
