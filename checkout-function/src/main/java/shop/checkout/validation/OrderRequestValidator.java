package shop.checkout.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import shop.events.OrderCreated;
import shop.events.SchemaCheck;

/**
 * Checks a checkout request body and turns it into an {@link OrderDraft}, or lists every field error.
 *
 * <p>Unknown fields are ignored (tolerant reader): they are not copied into the event, whose schema forbids extras, so
 * a client sending more than we read is harmless. Pure apart from loading the email rule once; thread-safe.
 */
public final class OrderRequestValidator {

    // The very rule the OrderCreated schema asserts on customer.email, so an address we accept never fails it later.
    private static final String EMAIL_SCHEMA = "/schemas/checkout/email.json";

    private final SchemaCheck emailRule;
    private final Set<String> currencies;
    private final Set<String> countries;

    public OrderRequestValidator() {
        this.emailRule = SchemaCheck.fromClasspath(OrderRequestValidator.class, EMAIL_SCHEMA);
        // Codes such as XXX ("no currency") and XAU (gold) have no minor unit, so no price can be stated in them.
        this.currencies = Currency.getAvailableCurrencies().stream()
                .filter(currency -> currency.getDefaultFractionDigits() >= 0)
                .map(Currency::getCurrencyCode)
                .collect(Collectors.toUnmodifiableSet());
        this.countries = Set.of(Locale.getISOCountries());
    }

    /** Validates a parsed body; {@code body} may be any JSON value, only an object can pass. */
    public Validation validate(JsonNode body) {
        FieldReader reader = new FieldReader();
        if (body == null || !body.isObject()) {
            reader.reject("$", "must be a JSON object");
            return new Validation.Invalid(reader.errors());
        }
        OrderCreated.Customer customer = reader.object(body, "customer", "$.customer")
                .map(node -> customer(reader, node))
                .orElse(null);
        List<OrderCreated.LineItem> items = reader.array(body, "items", "$.items")
                .map(node -> items(reader, node))
                .orElse(null);
        String currency = currency(reader, body);
        OrderCreated.Address address = reader.object(body, "shippingAddress", "$.shippingAddress")
                .map(node -> address(reader, node))
                .orElse(null);
        Long total = items == null ? null : total(reader, items);
        if (reader.hasErrors()) {
            return new Validation.Invalid(reader.errors());
        }
        return new Validation.Valid(new OrderDraft(customer, items, new OrderCreated.Money(total, currency), address));
    }

    private OrderCreated.Customer customer(FieldReader reader, JsonNode node) {
        String customerId = reader.requiredText(node, "customerId", "$.customer.customerId", Limits.MAX_CUSTOMER_ID);
        String email = reader.requiredText(node, "email", "$.customer.email", Limits.MAX_EMAIL);
        if (email != null && !plausibleEmail(email)) {
            reader.reject("$.customer.email", "must be a plausible email address, e.g. name@example.com");
            email = null;
        }
        String name = reader.requiredText(node, "name", "$.customer.name", Limits.MAX_CUSTOMER_NAME);
        // Joining the rewards programme is an opt-in: a client that does not say so has not opted in.
        Boolean rewardsSignup = reader.optionalBoolean(node, "rewardsSignup", "$.customer.rewardsSignup", false);
        if (customerId == null || email == null || name == null || rewardsSignup == null) {
            return null;
        }
        return new OrderCreated.Customer(customerId, email, name, rewardsSignup);
    }

    /**
     * The contract's email format, plus a dotted domain: the format alone admits {@code name@localhost}-style
     * addresses, which no customer of a web shop has.
     */
    private boolean plausibleEmail(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1);
        return domain.indexOf('.') > 0
                && !domain.endsWith(".")
                && emailRule.violations(TextNode.valueOf(email)).isEmpty();
    }

    private List<OrderCreated.LineItem> items(FieldReader reader, JsonNode array) {
        if (array.size() < 1 || array.size() > Limits.MAX_ITEMS) {
            reader.reject("$.items", "must list 1 to " + Limits.MAX_ITEMS + " items");
            return null;
        }
        List<OrderCreated.LineItem> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "$.items[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                reader.reject(path, "must be an object");
                continue;
            }
            String sku = reader.requiredText(node, "sku", path + ".sku", Limits.MAX_SKU);
            String name = reader.requiredText(node, "name", path + ".name", Limits.MAX_ITEM_NAME);
            Long quantity =
                    reader.integer(node, "quantity", path + ".quantity", Limits.MIN_QUANTITY, Limits.MAX_QUANTITY);
            Long unitPrice = reader.integer(node, "unitPrice", path + ".unitPrice", 0, Limits.MAX_UNIT_PRICE);
            if (sku != null && name != null && quantity != null && unitPrice != null) {
                items.add(new OrderCreated.LineItem(sku, name, Math.toIntExact(quantity), unitPrice));
            }
        }
        return items.size() == array.size() ? items : null;
    }

    private String currency(FieldReader reader, JsonNode body) {
        return code(
                reader,
                body,
                "currency",
                "$.currency",
                currencies,
                "must be an ISO 4217 currency code in upper case, e.g. EUR");
    }

    private OrderCreated.Address address(FieldReader reader, JsonNode node) {
        String path = "$.shippingAddress";
        String line1 = reader.requiredText(node, "line1", path + ".line1", Limits.MAX_ADDRESS_LINE);
        String line2 = reader.optionalText(node, "line2", path + ".line2", Limits.MAX_ADDRESS_LINE);
        String city = reader.requiredText(node, "city", path + ".city", Limits.MAX_CITY);
        String region = reader.optionalText(node, "region", path + ".region", Limits.MAX_REGION);
        String postalCode = reader.requiredText(node, "postalCode", path + ".postalCode", Limits.MAX_POSTAL_CODE);
        String country = code(
                reader,
                node,
                "country",
                path + ".country",
                countries,
                "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. DE");
        if (line1 == null || city == null || postalCode == null || country == null) {
            return null;
        }
        return new OrderCreated.Address(line1, line2, city, region, postalCode, country);
    }

    /** A required code from a closed list; membership bounds its length, so no separate length message. */
    private static String code(
            FieldReader reader, JsonNode parent, String name, String path, Set<String> known, String message) {
        String code = reader.requiredText(parent, name, path, Integer.MAX_VALUE);
        if (code != null && !known.contains(code)) {
            reader.reject(path, message);
            return null;
        }
        return code;
    }

    /** Sum of quantity times unit price, computed here: a total sent by the client is never trusted. */
    private static Long total(FieldReader reader, List<OrderCreated.LineItem> items) {
        try {
            long total = 0;
            for (OrderCreated.LineItem item : items) {
                total = Math.addExact(total, Math.multiplyExact(item.unitPrice(), item.quantity()));
            }
            return total;
        } catch (ArithmeticException overflow) {
            // Unreachable within today's limits (100 x 1000 x 10^8 fits a long); kept so raising a limit stays safe.
            reader.reject("$.items", "the order total is too large");
            return null;
        }
    }
}
