package shop.checkout;

import java.util.Map;
import java.util.Optional;
import shop.checkout.gateway.HttpApiRequest;

/**
 * What checkout reads of an HTTP request: the raw body, API Gateway's base64 flag, the headers, the customer id the
 * API's JWT authorizer verified ({@code null} when the request carries no verified claims), and API Gateway's id of the
 * request ({@code requestContext.requestId}), which becomes the order's correlation id ({@code null} when absent).
 */
public record Submission(
        String body, boolean base64Encoded, Map<String, String> headers, String customerId, String requestId) {

    /** The claim API Gateway's JWT authorizer passes on that names the signed-in customer. */
    public static final String SUBJECT_CLAIM = "sub";

    public Submission {
        headers = headers == null ? Map.of() : headers;
    }

    /** The value of the header {@code name} as sent in any case, since HTTP field names are case-insensitive. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(header -> name.equalsIgnoreCase(header.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /**
     * Reads an HTTP API (payload 2.0) event. The customer id is the {@code sub} claim under
     * {@code requestContext.authorizer.jwt.claims}, which API Gateway fills only after it verified the token's
     * signature, issuer, audience and expiry; nothing the client sends elsewhere is trusted as identity.
     */
    public static Submission of(HttpApiRequest event) {
        String subject = Optional.ofNullable(event.requestContext())
                .map(HttpApiRequest.RequestContext::authorizer)
                .map(HttpApiRequest.Authorizer::jwt)
                .map(HttpApiRequest.Jwt::claims)
                .map(claims -> claims.get(SUBJECT_CLAIM))
                // API Gateway passes claims as strings; anything else (an array, a number) names no customer.
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(sub -> !sub.isBlank())
                .orElse(null);
        String requestId = Optional.ofNullable(event.requestContext())
                .map(HttpApiRequest.RequestContext::requestId)
                .filter(id -> !id.isBlank())
                .orElse(null);
        return new Submission(event.body(), event.base64Encoded(), event.headers(), subject, requestId);
    }
}
