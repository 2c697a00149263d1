package shop.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.checkout.fakes.RecordingOrderEvents;
import shop.checkout.samples.HttpApiDriver;
import shop.checkout.samples.SampleRequests;
import shop.events.EventJson;
import shop.testkit.CapturingContext;

/** The handler's own reading of API Gateway's JSON and writing of its answer, byte for byte as Lambda passes them. */
class HttpApiWireTest {

    private final RecordingOrderEvents events = RecordingOrderEvents.accepting();
    private final HttpApiDriver handler = HttpApiDriver.of(new Checkout(events, SampleRequests.CLOCK));

    @Test
    void writesTheResponseInTheShapeApiGatewayReads() throws Exception {
        JsonNode response = invoke(Files.readAllBytes(Path.of(SampleRequests.NO_SIGNUP)));

        assertThat(response.get("statusCode").asInt()).isEqualTo(202);
        assertThat(response.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
        assertThat(response.get("isBase64Encoded").isBoolean()).isTrue();
        assertThat(response.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(EventJson.mapper()
                        .readTree(response.get("body").asText())
                        .get("status")
                        .asText())
                .isEqualTo("accepted");
        assertThat(events.published()).hasSize(1);
    }

    record Odd(String name, String json, String message) {}

    static Stream<Named<Odd>> notAnHttpApiEvent() {
        return Stream.of(
                        new Odd("not JSON", "{\"body\": ", "not an API Gateway HTTP API"),
                        new Odd("a JSON array", "[1, 2]", "not an API Gateway HTTP API"),
                        new Odd("headers that are not an object", "{\"headers\": 3}", "not an API Gateway HTTP API"),
                        new Odd("JSON null", "null", "The event is empty"))
                .map(odd -> Named.of(odd.name(), odd));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notAnHttpApiEvent")
    void refusesAnEventThatIsNoHttpApiRequestAndPublishesNothing(Odd odd) {
        assertThatThrownBy(() -> invoke(odd.json().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(odd.message());
        assertThat(events.published()).isEmpty();
    }

    @Test
    void aSubClaimThatIsNotAStringNamesNoCustomer() throws Exception {
        ObjectNode event = (ObjectNode)
                EventJson.mapper().readTree(Path.of(SampleRequests.NO_SIGNUP).toFile());
        event.withObject("/requestContext/authorizer/jwt/claims")
                .putArray("sub")
                .add("cust-0815");

        JsonNode response = invoke(EventJson.mapper().writeValueAsBytes(event));

        assertThat(response.get("statusCode").asInt()).isEqualTo(401);
        assertThat(events.published()).isEmpty();
    }

    private JsonNode invoke(byte[] event) throws Exception {
        return handler.respond(event, new CapturingContext(CheckoutHandler.FUNCTION));
    }
}
