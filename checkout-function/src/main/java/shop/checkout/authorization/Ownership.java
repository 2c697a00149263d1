package shop.checkout.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Binds an order to the signed-in customer: the customer id comes from the verified token, never from the body.
 *
 * <p>A body may leave {@code customer.customerId} out (it is filled in from the token) or repeat the token's value; a
 * different value is somebody ordering in another customer's name. Anything else there (a number, say) is left for
 * validation to name. Stateless and thread-safe.
 */
public final class Ownership {

    /** Where the body names the customer. */
    public static final String FIELD = "$.customer.customerId";

    private Ownership() {}

    /**
     * Fills {@code customer.customerId} of {@code body} in from {@code verifiedCustomerId} when absent.
     *
     * @return false when the body names a different customer (the body is then left as it was)
     */
    public static boolean bind(JsonNode body, String verifiedCustomerId) {
        if (!(body instanceof ObjectNode order) || !(order.get("customer") instanceof ObjectNode customer)) {
            return true; // no customer object: validation reports it
        }
        JsonNode claimed = customer.get("customerId");
        if (claimed == null || claimed.isNull()) {
            customer.put("customerId", verifiedCustomerId);
            return true;
        }
        return !claimed.isTextual() || claimed.textValue().equals(verifiedCustomerId);
    }
}
