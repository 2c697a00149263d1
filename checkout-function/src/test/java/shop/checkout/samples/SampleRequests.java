package shop.checkout.samples;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import shop.events.EventJson;
import shop.testkit.SampleEvent;

/**
 * The sample API Gateway events in {@code events/api-gateway/}, loaded with aws-lambda-java-tests, and variations of
 * them made by editing the body as a Jackson tree.
 */
public final class SampleRequests {

    // Surefire runs in the module directory; the samples are shared with sam local invoke at the repository root.
    public static final String FOLDER = "../events/api-gateway/";
    public static final String REWARDS_SIGNUP = FOLDER + "post-order-rewards-signup.json";
    public static final String NO_SIGNUP = FOLDER + "post-order-no-signup.json";
    public static final String WITH_IDEMPOTENCY_KEY = FOLDER + "post-order-with-idempotency-key.json";
    public static final String INVALID = FOLDER + "post-order-invalid.json";
    /** The fields {@link #INVALID} gets wrong, in the order checkout reports them. */
    public static final List<String> INVALID_FIELDS = List.of(
            "$.customer.email",
            "$.customer.rewardsSignup",
            "$.items[0].quantity",
            "$.items[1].unitPrice",
            "$.currency",
            "$.shippingAddress.city",
            "$.shippingAddress.country");

    /** No verified claims: what a direct invocation, or a route without the authorizer, hands over. */
    public static final String WITHOUT_TOKEN = FOLDER + "post-order-without-token.json";
    /** Signed in as one customer, ordering in another's name. */
    public static final String FOR_ANOTHER_CUSTOMER = FOLDER + "post-order-for-another-customer.json";

    /** Accents, a combining mark, CJK, right-to-left text and emoji in names and address, sent as UTF-8. */
    public static final String UNICODE_NAMES = FOLDER + "post-order-unicode-names.json";
    /** JSON escapes of lone surrogates in the customer's name and an item's name: valid JSON, no Unicode text. */
    public static final String LONE_SURROGATES = FOLDER + "post-order-lone-surrogates.json";
    /** A good order sent as {@code text/plain}. */
    public static final String AS_TEXT_PLAIN = FOLDER + "post-order-as-text-plain.json";

    /** The samples a client could send as they are and expect 202. */
    public static final List<String> VALID = List.of(REWARDS_SIGNUP, NO_SIGNUP, WITH_IDEMPOTENCY_KEY, UNICODE_NAMES);

    /** A clock standing when the samples were sent: their {@code requestContext.timeEpoch}, 2025-03-12T10:15:30Z. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-12T10:15:30Z"), ZoneOffset.UTC);

    private SampleRequests() {}

    public static APIGatewayV2HTTPEvent load(String path) {
        return EventLoader.loadApiGatewayHttpEvent(path);
    }

    /** The body of a sample, parsed. */
    public static ObjectNode body(String path) {
        return body(load(path));
    }

    public static ObjectNode body(APIGatewayV2HTTPEvent event) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(event.getBody());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Sample body is not JSON", e);
        }
    }

    /** The sample at {@code path} with its body changed by {@code edit}. */
    public static APIGatewayV2HTTPEvent withBody(String path, Consumer<ObjectNode> edit) {
        APIGatewayV2HTTPEvent event = load(path);
        ObjectNode body = body(event);
        edit.accept(body);
        event.setBody(write(body));
        return event;
    }

    /** {@code event} with one header set, replacing any of the same name whatever its case. */
    public static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        headers.put(name, value);
        event.setHeaders(headers);
        return event;
    }

    /** {@code event} as API Gateway passes it after verifying a token whose claims are {@code claims}. */
    public static APIGatewayV2HTTPEvent withClaims(APIGatewayV2HTTPEvent event, Map<String, String> claims) {
        event.getRequestContext()
                .setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                .builder()
                                .withClaims(claims)
                                .build())
                        .build());
        return event;
    }

    /** {@code event} signed in as {@code customerId}: a token whose {@code sub} claim is that id. */
    public static APIGatewayV2HTTPEvent signedInAs(APIGatewayV2HTTPEvent event, String customerId) {
        Map<String, String> claims =
                new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("sub", customerId);
        return withClaims(event, claims);
    }

    public static String write(JsonNode node) {
        try {
            return EventJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write a JSON tree", e);
        }
    }

    /** Customer email, name and every address line of a sample: strings that must never reach a log. */
    public static List<String> personalData(String path) {
        return SampleEvent.personalDataOf(body(path));
    }
}
