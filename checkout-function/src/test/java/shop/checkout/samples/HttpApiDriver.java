package shop.checkout.samples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import shop.checkout.Checkout;
import shop.checkout.CheckoutHandler;

/**
 * Invokes {@link CheckoutHandler} the way Lambda does: the event goes in as JSON bytes and the response comes out as
 * JSON bytes. Tests build events with aws-lambda-java-events' types (as API Gateway documents them) and read the answer
 * as one, so every test also proves the handler's own records read and write the wire format.
 */
public final class HttpApiDriver {

    // A plain mapper, independent of the function's own: what the test sends is what API Gateway's JSON would be.
    private static final ObjectMapper WIRE =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final CheckoutHandler handler;

    public HttpApiDriver(CheckoutHandler handler) {
        this.handler = handler;
    }

    /** A driver for a handler around {@code checkout}. */
    public static HttpApiDriver of(Checkout checkout) {
        return new HttpApiDriver(new CheckoutHandler(checkout));
    }

    /** Sends {@code event} as JSON through the handler's stream entry point and parses what it wrote. */
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            return WIRE.treeToValue(respond(WIRE.writeValueAsBytes(event), context), APIGatewayV2HTTPResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code json} as it is through the handler's stream entry point and returns what it wrote as a JSON tree,
     * for tests of the wire shape itself.
     */
    public JsonNode respond(byte[] json, Context context) throws IOException {
        var output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json), output, context);
        return WIRE.readTree(output.toByteArray());
    }
}
