package shop.checkout.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.checkout.samples.BodyEdits.itemCount;
import static shop.checkout.samples.BodyEdits.remove;
import static shop.checkout.samples.BodyEdits.set;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.checkout.samples.SampleRequests;
import shop.events.EventJson;
import shop.events.OrderCreated;

class OrderRequestValidatorTest {

    private final OrderRequestValidator validator = new OrderRequestValidator();

    /** One wrong field, made by editing a valid sample; exactly that field must be reported. */
    record Invalid(String name, Consumer<ObjectNode> edit, String field, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Invalid> invalidRequests() {
        String text201 = "x".repeat(201);
        return Stream.of(
                new Invalid("customer missing", remove("/customer"), "$.customer", "is required"),
                new Invalid("customer null", set("/customer", null), "$.customer", "is required"),
                new Invalid("customer not an object", set("/customer", "cust-0815"), "$.customer", "must be an object"),
                new Invalid(
                        "customerId missing", remove("/customer/customerId"), "$.customer.customerId", "is required"),
                new Invalid(
                        "customerId a number",
                        set("/customer/customerId", 815),
                        "$.customer.customerId",
                        "must be a string"),
                new Invalid(
                        "customerId empty",
                        set("/customer/customerId", ""),
                        "$.customer.customerId",
                        "must be 1 to 128 characters"),
                new Invalid(
                        "customerId blank",
                        set("/customer/customerId", "   "),
                        "$.customer.customerId",
                        "must not be blank"),
                new Invalid(
                        "customerId 129 characters",
                        set("/customer/customerId", "c".repeat(129)),
                        "$.customer.customerId",
                        "must be 1 to 128 characters"),
                new Invalid(
                        "customerId with a control character",
                        set("/customer/customerId", "cust\u00000815"),
                        "$.customer.customerId",
                        "must not contain control characters"),
                new Invalid("email missing", remove("/customer/email"), "$.customer.email", "is required"),
                new Invalid(
                        "email without @",
                        set("/customer/email", "jonas.feld.example.com"),
                        "$.customer.email",
                        "must be a plausible email address, e.g. name@example.com"),
                new Invalid(
                        "email without a top-level domain",
                        set("/customer/email", "jonas@example"),
                        "$.customer.email",
                        "must be a plausible email address, e.g. name@example.com"),
                new Invalid(
                        "email with an unknown top-level domain",
                        set("/customer/email", "jonas@example.zzzzqq"),
                        "$.customer.email",
                        "must be a plausible email address, e.g. name@example.com"),
                new Invalid(
                        "email with a space",
                        set("/customer/email", "jonas feld@example.com"),
                        "$.customer.email",
                        "must be a plausible email address, e.g. name@example.com"),
                new Invalid(
                        "email with two @",
                        set("/customer/email", "jonas@feld@example.com"),
                        "$.customer.email",
                        "must be a plausible email address, e.g. name@example.com"),
                new Invalid(
                        "email 255 characters",
                        set("/customer/email", "j".repeat(243) + "@example.com"),
                        "$.customer.email",
                        "must be 1 to 254 characters"),
                new Invalid("name empty", set("/customer/name", ""), "$.customer.name", "must be 1 to 200 characters"),
                new Invalid(
                        "name 201 characters",
                        set("/customer/name", text201),
                        "$.customer.name",
                        "must be 1 to 200 characters"),
                new Invalid(
                        "name with a line break",
                        set("/customer/name", "Jonas\nFeld"),
                        "$.customer.name",
                        "must not contain control characters"),
                new Invalid(
                        "rewardsSignup a string",
                        set("/customer/rewardsSignup", "yes"),
                        "$.customer.rewardsSignup",
                        "must be true or false"),
                new Invalid(
                        "rewardsSignup a number",
                        set("/customer/rewardsSignup", 1),
                        "$.customer.rewardsSignup",
                        "must be true or false"),
                new Invalid("items missing", remove("/items"), "$.items", "is required"),
                new Invalid("items an object", set("/items", Map.of("sku", "BOOK")), "$.items", "must be an array"),
                new Invalid("items empty", set("/items", List.of()), "$.items", "must list 1 to 100 items"),
                new Invalid("101 items", itemCount(101), "$.items", "must list 1 to 100 items"),
                new Invalid(
                        "item not an object", set("/items/0", "BOOK-FIELD-GUIDE"), "$.items[0]", "must be an object"),
                new Invalid("sku missing", remove("/items/0/sku"), "$.items[0].sku", "is required"),
                new Invalid(
                        "sku 65 characters",
                        set("/items/0/sku", "S".repeat(65)),
                        "$.items[0].sku",
                        "must be 1 to 64 characters"),
                new Invalid("item name missing", remove("/items/0/name"), "$.items[0].name", "is required"),
                new Invalid(
                        "item name 201 characters",
                        set("/items/0/name", text201),
                        "$.items[0].name",
                        "must be 1 to 200 characters"),
                new Invalid("quantity missing", remove("/items/0/quantity"), "$.items[0].quantity", "is required"),
                new Invalid(
                        "quantity zero",
                        set("/items/0/quantity", 0),
                        "$.items[0].quantity",
                        "must be between 1 and 1000"),
                new Invalid(
                        "quantity negative",
                        set("/items/0/quantity", -3),
                        "$.items[0].quantity",
                        "must be between 1 and 1000"),
                new Invalid(
                        "quantity 1001",
                        set("/items/0/quantity", 1001),
                        "$.items[0].quantity",
                        "must be between 1 and 1000"),
                new Invalid(
                        "quantity fractional",
                        set("/items/0/quantity", 1.5),
                        "$.items[0].quantity",
                        "must be an integer"),
                new Invalid(
                        "quantity a string",
                        set("/items/0/quantity", "2"),
                        "$.items[0].quantity",
                        "must be an integer"),
                new Invalid("unitPrice missing", remove("/items/0/unitPrice"), "$.items[0].unitPrice", "is required"),
                new Invalid(
                        "unitPrice negative",
                        set("/items/0/unitPrice", -1),
                        "$.items[0].unitPrice",
                        "must be between 0 and 100000000"),
                new Invalid(
                        "unitPrice above the maximum",
                        set("/items/0/unitPrice", 100_000_001),
                        "$.items[0].unitPrice",
                        "must be between 0 and 100000000"),
                new Invalid(
                        "unitPrice beyond a long",
                        set("/items/0/unitPrice", new BigInteger("100000000000000000000")),
                        "$.items[0].unitPrice",
                        "must be between 0 and 100000000"),
                new Invalid(
                        "unitPrice in major units",
                        set("/items/0/unitPrice", 24.00),
                        "$.items[0].unitPrice",
                        "must be an integer"),
                new Invalid("currency missing", remove("/currency"), "$.currency", "is required"),
                new Invalid("currency a number", set("/currency", 978), "$.currency", "must be a string"),
                new Invalid(
                        "currency not a code",
                        set("/currency", "EURO"),
                        "$.currency",
                        "must be an ISO 4217 currency code in upper case, e.g. EUR"),
                new Invalid(
                        "currency in lower case",
                        set("/currency", "gbp"),
                        "$.currency",
                        "must be an ISO 4217 currency code in upper case, e.g. EUR"),
                new Invalid(
                        "currency without minor units",
                        set("/currency", "XAU"),
                        "$.currency",
                        "must be an ISO 4217 currency code in upper case, e.g. EUR"),
                new Invalid("shippingAddress missing", remove("/shippingAddress"), "$.shippingAddress", "is required"),
                new Invalid(
                        "line1 missing", remove("/shippingAddress/line1"), "$.shippingAddress.line1", "is required"),
                new Invalid(
                        "line2 201 characters",
                        set("/shippingAddress/line2", text201),
                        "$.shippingAddress.line2",
                        "must be at most 200 characters"),
                new Invalid(
                        "line2 a number",
                        set("/shippingAddress/line2", 7),
                        "$.shippingAddress.line2",
                        "must be a string"),
                new Invalid("city missing", remove("/shippingAddress/city"), "$.shippingAddress.city", "is required"),
                new Invalid(
                        "city 101 characters",
                        set("/shippingAddress/city", "c".repeat(101)),
                        "$.shippingAddress.city",
                        "must be 1 to 100 characters"),
                new Invalid(
                        "region 101 characters",
                        set("/shippingAddress/region", "r".repeat(101)),
                        "$.shippingAddress.region",
                        "must be at most 100 characters"),
                new Invalid(
                        "postalCode 21 characters",
                        set("/shippingAddress/postalCode", "1".repeat(21)),
                        "$.shippingAddress.postalCode",
                        "must be 1 to 20 characters"),
                new Invalid(
                        "country a name",
                        set("/shippingAddress/country", "Germany"),
                        "$.shippingAddress.country",
                        "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. DE"),
                new Invalid(
                        "country in lower case",
                        set("/shippingAddress/country", "gb"),
                        "$.shippingAddress.country",
                        "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. DE"),
                new Invalid(
                        "country UK, which ISO spells GB",
                        set("/shippingAddress/country", "UK"),
                        "$.shippingAddress.country",
                        "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. DE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void reportsTheOneWrongField(Invalid request) {
        ObjectNode body = SampleRequests.body(SampleRequests.NO_SIGNUP);
        request.edit().accept(body);

        Validation result = validator.validate(body);

        assertThat(result).isInstanceOf(Validation.Invalid.class);
        assertThat(((Validation.Invalid) result).errors())
                .containsExactly(new FieldError(request.field(), request.message()));
    }

    /** A variation a client may send and have accepted. */
    record Acceptable(String name, Consumer<ObjectNode> edit) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Acceptable> acceptableRequests() {
        return Stream.of(
                new Acceptable("the sample as it is", body -> {}),
                new Acceptable("unknown fields anywhere, ignored", body -> {
                    body.put("coupon", "SPRING");
                    ((ObjectNode) body.get("customer")).put("phone", "+44 20 7946 0000");
                    ((ObjectNode) body.get("items").get(0)).put("giftWrap", true);
                }),
                new Acceptable("a client-sent total, ignored", set("/total", Map.of("amount", 1, "currency", "GBP"))),
                new Acceptable("no line2 and no region", body -> {
                    remove("/shippingAddress/line2").accept(body);
                    remove("/shippingAddress/region").accept(body);
                }),
                new Acceptable("line2 null", set("/shippingAddress/line2", null)),
                new Acceptable("rewardsSignup absent", remove("/customer/rewardsSignup")),
                new Acceptable("a currency without decimals", set("/currency", "JPY")),
                new Acceptable("a free item", set("/items/0/unitPrice", 0)),
                new Acceptable("largest quantity at the largest price", body -> {
                    set("/items/0/quantity", 1000).accept(body);
                    set("/items/0/unitPrice", 100_000_000).accept(body);
                }),
                new Acceptable("100 items", itemCount(100)),
                new Acceptable(
                        "a name of 200 characters outside the BMP", set("/customer/name", "\uD83C\uDF3F".repeat(200))),
                new Acceptable(
                        "an email of 254 characters",
                        set(
                                "/customer/email",
                                "j".repeat(64) + "@" + "e".repeat(63) + "." + "x".repeat(63) + "." + "f".repeat(57)
                                        + ".com")),
                new Acceptable("a plus-addressed email", set("/customer/email", "jonas.feld+orders@example.com")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptableRequests")
    void acceptsVariationsOfAValidRequest(Acceptable request) {
        ObjectNode body = SampleRequests.body(SampleRequests.NO_SIGNUP);
        request.edit().accept(body);

        Validation result = validator.validate(body);

        assertThat(result).isInstanceOf(Validation.Valid.class);
    }

    @Test
    void listsEveryErrorOfTheInvalidSample() {
        ObjectNode body = SampleRequests.body(SampleRequests.INVALID);

        Validation result = validator.validate(body);

        assertThat(((Validation.Invalid) result).errors())
                .extracting(FieldError::field)
                .containsExactlyElementsOf(SampleRequests.INVALID_FIELDS);
    }

    @Test
    void computesTheTotalFromQuantitiesAndUnitPrices() {
        ObjectNode body = SampleRequests.body(SampleRequests.REWARDS_SIGNUP);

        Validation result = validator.validate(body);

        // 2 x 12.50 + 1 x 18.99 EUR
        assertThat(((Validation.Valid) result).draft().total()).isEqualTo(new OrderCreated.Money(4399, "EUR"));
    }

    @Test
    void readsEveryFieldOfTheRequestIntoTheDraft() {
        ObjectNode body = SampleRequests.body(SampleRequests.REWARDS_SIGNUP);

        OrderDraft draft = ((Validation.Valid) validator.validate(body)).draft();

        assertThat(draft.customer())
                .isEqualTo(new OrderCreated.Customer("cust-4711", "ines.marlowe@example.com", "Ines Marlowe", true));
        assertThat(draft.items())
                .containsExactly(
                        new OrderCreated.LineItem("TEA-OOLONG-100G", "Oolong tea, 100 g", 2, 1250),
                        new OrderCreated.LineItem("MUG-STONE-GREY", "Stoneware mug, grey", 1, 1899));
        assertThat(draft.shippingAddress())
                .isEqualTo(new OrderCreated.Address(
                        "Lindenhof 12", "Hinterhaus, 2. OG", "Kleinbrunn", null, "80331", "DE"));
    }

    @Test
    void treatsAnAbsentRewardsSignupAsNotOptedIn() {
        ObjectNode body = SampleRequests.body(SampleRequests.REWARDS_SIGNUP);
        body.withObject("/customer").remove("rewardsSignup");

        OrderDraft draft = ((Validation.Valid) validator.validate(body)).draft();

        assertThat(draft.customer().rewardsSignup()).isFalse();
    }

    record NotAnObject(String name, Object body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<NotAnObject> bodiesThatAreNotObjects() {
        return Stream.of(
                new NotAnObject("an array", List.of(Map.of("sku", "BOOK"))),
                new NotAnObject("a string", "order"),
                new NotAnObject("a number", 42),
                new NotAnObject("null", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesThatAreNotObjects")
    void refusesABodyThatIsNotAnObject(NotAnObject request) {
        Validation result = validator.validate(
                request.body() == null
                        ? NullNode.getInstance()
                        : EventJson.mapper().valueToTree(request.body()));

        assertThat(((Validation.Invalid) result).errors())
                .containsExactly(new FieldError("$", "must be a JSON object"));
    }
}
