package shop.checkout.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The answer to an HTTP API (payload format 2.0) request, in the shape API Gateway reads from the function. */
public record HttpApiResponse(
        int statusCode,
        Map<String, String> headers,
        String body,
        @JsonProperty("isBase64Encoded") boolean base64Encoded) {}
