package shop.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import shop.local.json.Json;

/**
 * A JWT with {@code "alg": "none"} and no signature, carrying given claims: what a caller presents to the local API on
 * a route with a JWT authorizer, since the local API passes claims on without verifying them (see {@link HttpApi}).
 * Never accepted by API Gateway, which is the point: it cannot leak into a real deployment as a credential.
 */
public final class UnsignedJwt {

    private UnsignedJwt() {}

    /** {@code header.payload.} for {@code claims}, a JSON object. */
    public static String of(JsonNode claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString(
                Json.bytes(Json.object().put("alg", "none").put("typ", "JWT")));
        return header + "." + encoder.encodeToString(Json.bytes(claims)) + ".";
    }
}
