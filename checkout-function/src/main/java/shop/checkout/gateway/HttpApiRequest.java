package shop.checkout.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The part of an API Gateway HTTP API event (payload format 2.0) checkout reads: the body, its base64 flag, the headers
 * and the request context. Read with our own Jackson instead of aws-lambda-java-events (and its joda-time), which would
 * add about 1.1 MB to the package and a few hundred classes to the cold path. Everything else in the payload (routeKey,
 * rawPath, cookies, http, stage, ...) is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpApiRequest(
        String body,
        @JsonProperty("isBase64Encoded") boolean base64Encoded,
        Map<String, String> headers,
        RequestContext requestContext) {

    /** {@code requestContext}: API Gateway's id of the request and what its authorizer verified. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(String requestId, Authorizer authorizer) {}

    /** {@code requestContext.authorizer}; only the JWT authorizer's part is read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Authorizer(Jwt jwt) {}

    /**
     * {@code requestContext.authorizer.jwt}: the verified token's claims. API Gateway hands claims over as strings, but
     * a token may carry arrays or numbers too, so values stay untyped and only the ones checkout reads are converted.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Jwt(Map<String, Object> claims) {}
}
