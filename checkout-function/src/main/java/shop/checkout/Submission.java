package shop.checkout;

import java.util.Map;

/** What checkout reads of an HTTP request: the raw body, API Gateway's base64 flag and the headers. */
public record Submission(String body, boolean base64Encoded, Map<String, String> headers) {

    public Submission {
        headers = headers == null ? Map.of() : headers;
    }
}
