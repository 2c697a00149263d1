package shop.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.checkout.authorization.Ownership;
import shop.checkout.ordering.IdempotencyKey;
import shop.checkout.validation.OrderRequestValidator;
import shop.checkout.validation.RequestBody;
import shop.checkout.validation.Validation;

/**
 * One source of truth for the request shape: a body is valid against the document's {@code OrderRequest} schema exactly
 * when checkout's validator accepts it. Checked on every sample request under {@code events/api-gateway}, on named
 * cases at each limit, and on thousands of generated mutations of the samples; and the Idempotency-Key header's schema
 * against checkout's reading of it.
 *
 * <p>Checkout is asked as a customer whose token names the body's customer id (or, when the body names none, some
 * customer): that the two must match is the one body rule no schema can state, and it is in the document's prose.
 */
class RequestSchemaAgreementTest {

    private static final Path SAMPLES = Path.of("../events/api-gateway");
    private static final JsonSchema REQUEST = OpenApiDocument.schema("OrderRequest");
    private static final JsonSchema IDEMPOTENCY_KEY =
            OpenApiDocument.schemaAt("/components/parameters/IdempotencyKey/schema");
    private static final OrderRequestValidator VALIDATOR = new OrderRequestValidator();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SOME_CUSTOMER = "cust-4711";
    /** Marks a case that removes the field instead of setting it. */
    private static final JsonNode ABSENT = MissingNode.getInstance();

    // ---------------------------------------------------------------- the samples

    /**
     * Samples whose body checkout refuses before any schema applies: text that is not well-formed Unicode (a lone
     * surrogate), which JSON Schema cannot express (the document's description names it).
     */
    static final Set<String> REFUSED_BEFORE_THE_SCHEMA = Set.of("post-order-lone-surrogates.json");

    /** Every other sample's body, read once: the generated cases ask for thousands of copies. */
    private static final Map<String, ObjectNode> SAMPLE_BODIES = readSampleBodies();

    static Stream<String> allSamples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static Stream<String> samples() throws IOException {
        return allSamples().filter(sample -> !REFUSED_BEFORE_THE_SCHEMA.contains(sample));
    }

    @Test
    void onlyTheNamedSamplesAreRefusedBeforeTheSchema() throws IOException {
        List<String> unreadable = allSamples()
                .filter(sample -> !(content(sample) instanceof RequestBody.Json))
                .toList();

        assertThat(unreadable).containsExactlyInAnyOrderElementsOf(REFUSED_BEFORE_THE_SCHEMA);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleRequestGetsTheSameVerdictFromBoth(String sample) {
        JsonNode body = sampleBody(sample);

        assertAgreement(sample, body);
    }

    @Test
    void theSamplesIncludeBothVerdicts() throws IOException {
        // Without a refused sample, agreement on the samples alone would prove nothing about the limits.
        Map<Boolean, Long> verdicts = samples()
                .collect(Collectors.partitioningBy(
                        sample -> checkoutAccepts(sampleBody(sample)), Collectors.counting()));

        assertThat(verdicts.get(true)).isPositive();
        assertThat(verdicts.get(false)).isPositive();
    }

    // ---------------------------------------------------------------- named cases at the limits

    static Stream<Arguments> limits() {
        return Stream.of(
                // the body as a whole
                body("a JSON array instead of an object", NODES.arrayNode()),
                body("an empty object", NODES.objectNode()),
                body("a string", NODES.textNode("order")),
                body("null", NODES.nullNode()),
                edit("an extra top-level field", "/total", NODES.numberNode(1)),
                edit("an extra customer field", "/customer/phone", NODES.textNode("+49 30 1234567")),
                edit("customer missing", "/customer", ABSENT),
                edit("customer a string", "/customer", NODES.textNode("cust-4711")),
                // customer id: optional in the body, taken from the token
                edit("customer id absent", "/customer/customerId", ABSENT),
                edit("customer id null", "/customer/customerId", NODES.nullNode()),
                edit("customer id empty", "/customer/customerId", NODES.textNode("")),
                edit("customer id blank", "/customer/customerId", NODES.textNode("   ")),
                edit("customer id a number", "/customer/customerId", NODES.numberNode(4711)),
                edit("customer id 128 characters", "/customer/customerId", text("c", 128)),
                edit("customer id 129 characters", "/customer/customerId", text("c", 129)),
                // names and other required text
                edit("name 200 characters", "/customer/name", text("n", 200)),
                edit("name 201 characters", "/customer/name", text("n", 201)),
                edit("name 200 emoji (code points, not chars)", "/customer/name", text("\uD83D\uDE00", 200)),
                edit("name 201 emoji", "/customer/name", text("\uD83D\uDE00", 201)),
                edit("name empty", "/customer/name", NODES.textNode("")),
                edit("name spaces only", "/customer/name", NODES.textNode("   ")),
                edit("name ideographic spaces only", "/customer/name", NODES.textNode("\u3000\u3000")),
                edit(
                        "name no-break spaces only (not white space to Java)",
                        "/customer/name",
                        NODES.textNode("\u00A0\u00A0")),
                edit("name tab only", "/customer/name", NODES.textNode("\t")),
                edit("name with a bell character", "/customer/name", NODES.textNode("Ines\u0007 Marlowe")),
                edit("name with a C1 control (NEL)", "/customer/name", NODES.textNode("Ines\u0085Marlowe")),
                edit("name with a line separator", "/customer/name", NODES.textNode("Ines\u2028Marlowe")),
                edit(
                        "name with a trailing newline (Java's $ matches before it)",
                        "/customer/name",
                        NODES.textNode("Ines Marlowe\n")),
                edit("name with leading and trailing spaces", "/customer/name", NODES.textNode("  Ines  ")),
                edit("name with a lone surrogate", "/customer/name", NODES.textNode("Ines \uD800")),
                edit("name a number", "/customer/name", NODES.numberNode(7)),
                edit("sku 64 characters", "/items/0/sku", text("S", 64)),
                edit("sku 65 characters", "/items/0/sku", text("S", 65)),
                edit("postal code 20 characters", "/shippingAddress/postalCode", text("9", 20)),
                edit("postal code 21 characters", "/shippingAddress/postalCode", text("9", 21)),
                edit("city 101 characters", "/shippingAddress/city", text("K", 101)),
                // optional text
                edit("line2 null", "/shippingAddress/line2", NODES.nullNode()),
                edit("line2 empty", "/shippingAddress/line2", NODES.textNode("")),
                edit("line2 blank", "/shippingAddress/line2", NODES.textNode("  ")),
                edit("line2 200 characters", "/shippingAddress/line2", text("l", 200)),
                edit("line2 201 characters", "/shippingAddress/line2", text("l", 201)),
                edit("line2 with a newline", "/shippingAddress/line2", NODES.textNode("Hinterhaus\n2. OG")),
                edit("line2 a lone next-line control", "/shippingAddress/line2", NODES.textNode("\u0085")),
                edit("region 100 characters", "/shippingAddress/region", text("r", 100)),
                edit("region a boolean", "/shippingAddress/region", NODES.booleanNode(true)),
                // rewards opt-in
                edit("rewards signup null", "/customer/rewardsSignup", NODES.nullNode()),
                edit("rewards signup absent", "/customer/rewardsSignup", ABSENT),
                edit("rewards signup the string true", "/customer/rewardsSignup", NODES.textNode("true")),
                edit("rewards signup 1", "/customer/rewardsSignup", NODES.numberNode(1)),
                // email
                edit("email on a dotted domain", "/customer/email", NODES.textNode("a@b.de")),
                edit("email on localhost", "/customer/email", NODES.textNode("name@localhost")),
                edit("email domain ending in a dot", "/customer/email", NODES.textNode("name@example.com.")),
                edit("email domain starting with a dot", "/customer/email", NODES.textNode("name@.example.com")),
                edit("email without @", "/customer/email", NODES.textNode("pat.quill-at-example.com")),
                edit("email with two @", "/customer/email", NODES.textNode("a@b@example.com")),
                edit("email with a space", "/customer/email", NODES.textNode("pat quill@example.com")),
                edit("email with a control character", "/customer/email", NODES.textNode("pat\u0001@example.com")),
                edit("email with a trailing newline", "/customer/email", NODES.textNode("pat@example.com\n")),
                edit("email with a non-ASCII local part", "/customer/email", NODES.textNode("jürgen@example.com")),
                edit(
                        "email 254 characters",
                        "/customer/email",
                        NODES.textNode("a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "."
                                + "d".repeat(57) + ".de")),
                edit(
                        "email 255 characters",
                        "/customer/email",
                        NODES.textNode("a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "."
                                + "d".repeat(58) + ".de")),
                // items
                edit("no items", "/items", NODES.arrayNode()),
                edit("100 items", "/items", items(100)),
                edit("101 items", "/items", items(101)),
                edit("items an object", "/items", NODES.objectNode()),
                edit("an item that is a number", "/items/0", NODES.numberNode(1)),
                edit("an item that is null", "/items/0", NODES.nullNode()),
                edit("quantity 0", "/items/0/quantity", NODES.numberNode(0)),
                edit("quantity 1", "/items/0/quantity", NODES.numberNode(1)),
                edit("quantity 1000", "/items/0/quantity", NODES.numberNode(1000)),
                edit("quantity 1001", "/items/0/quantity", NODES.numberNode(1001)),
                edit("quantity -1", "/items/0/quantity", NODES.numberNode(-1)),
                edit("quantity 2.0", "/items/0/quantity", NODES.numberNode(new BigDecimal("2.0"))),
                edit("quantity 2 as a double", "/items/0/quantity", NODES.numberNode(2.0d)),
                edit("quantity the string 2", "/items/0/quantity", NODES.textNode("2")),
                edit("quantity 2^64", "/items/0/quantity", NODES.numberNode(BigInteger.TWO.pow(64))),
                edit("unit price 0", "/items/0/unitPrice", NODES.numberNode(0)),
                edit("unit price -1", "/items/0/unitPrice", NODES.numberNode(-1)),
                edit("unit price 100000000", "/items/0/unitPrice", NODES.numberNode(100_000_000L)),
                edit("unit price 100000001", "/items/0/unitPrice", NODES.numberNode(100_000_001L)),
                edit("unit price 12.5", "/items/0/unitPrice", NODES.numberNode(new BigDecimal("12.5"))),
                edit("unit price Long.MAX_VALUE", "/items/0/unitPrice", NODES.numberNode(Long.MAX_VALUE)),
                edit("unit price null", "/items/0/unitPrice", NODES.nullNode()),
                // codes
                edit("currency JPY", "/currency", NODES.textNode("JPY")),
                edit("currency in lower case", "/currency", NODES.textNode("eur")),
                edit("currency gold (no minor unit)", "/currency", NODES.textNode("XAU")),
                edit("currency XXX (no currency)", "/currency", NODES.textNode("XXX")),
                edit("currency unknown", "/currency", NODES.textNode("ZZZ")),
                edit("currency EURO", "/currency", NODES.textNode("EURO")),
                edit("currency a number", "/currency", NODES.numberNode(978)),
                edit(
                        "country NO (YAML reads it as false if unquoted)",
                        "/shippingAddress/country",
                        NODES.textNode("NO")),
                edit("country in lower case", "/shippingAddress/country", NODES.textNode("de")),
                edit("country alpha-3", "/shippingAddress/country", NODES.textNode("DEU")),
                edit("country unknown", "/shippingAddress/country", NODES.textNode("ZZ")),
                edit("shipping address missing", "/shippingAddress", ABSENT),
                edit("shipping address an array", "/shippingAddress", NODES.arrayNode()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void bothDrawEachLimitInTheSamePlace(String name, JsonNode body) {
        assertAgreement(name, body);
    }

    @Test
    void theCodeListsAreTheRuntimes() {
        // The enums are the JDK's lists; on a JDK that adds a code this names it, before a client is refused it.
        Set<String> currencies = Currency.getAvailableCurrencies().stream()
                .filter(currency -> currency.getDefaultFractionDigits() >= 0)
                .map(Currency::getCurrencyCode)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(enumOf("CurrencyCode"))
                .as("CurrencyCode enum vs the JDK's currencies with a minor unit")
                .containsExactlyInAnyOrderElementsOf(currencies);
        assertThat(enumOf("CountryCode"))
                .as("CountryCode enum vs the JDK's ISO 3166-1 alpha-2 codes")
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(List.of(Locale.getISOCountries())));
    }

    static Stream<Arguments> idempotencyKeys() {
        return Stream.of(
                Arguments.of("a UUID", "7f3c2a9e-5b1d-4c8e-9a6f-2d4b8e1c0a57"),
                Arguments.of("a quoted string, as the IETF draft writes it", "\"retry-7\""),
                Arguments.of("128 characters", "k".repeat(128)),
                Arguments.of("129 characters", "k".repeat(129)),
                Arguments.of("128 characters quoted", "\"" + "k".repeat(128) + "\""),
                Arguments.of("empty quotes", "\"\""),
                Arguments.of("one quote", "\"retry-7"),
                Arguments.of("a comma: the header sent twice and joined", "a,b"),
                Arguments.of("a backslash", "a\\b"),
                Arguments.of("a space", "a b"),
                Arguments.of("a non-ASCII letter", "schlüssel"));
        // No surrounding white space: HTTP strips it from a field value before either reader sees the value.
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idempotencyKeys")
    void bothReadTheIdempotencyKeyHeaderAlike(String name, String value) {
        boolean checkout = IdempotencyKey.lookup(Optional.of(value)) instanceof IdempotencyKey.Present;
        boolean schema = OpenApiDocument.valid(IDEMPOTENCY_KEY, NODES.textNode(value));

        assertThat(schema)
                .as("%s: schema %s, checkout %s", name, schema, checkout)
                .isEqualTo(checkout);
    }

    // ---------------------------------------------------------------- generated cases

    @Property(tries = 3000)
    @StatisticsReport(onFailureOnly = true)
    void aMutatedSampleGetsTheSameVerdictFromBoth(@ForAll("mutatedSamples") JsonNode body) {
        boolean accepted = checkoutAccepts(body);
        Statistics.label("checkout").collect(accepted ? "accepts" : "refuses");
        Statistics.label("checkout").coverage(coverage -> {
            coverage.check("accepts").percentage(percent -> percent > 10);
            coverage.check("refuses").percentage(percent -> percent > 10);
        });

        assertAgreement("generated body", body);
    }

    /** Values that sit on, just inside and just outside every limit, and of every JSON type. */
    @Provide
    Arbitrary<JsonNode> mutatedSamples() {
        Arbitrary<String> where = Arbitraries.of(
                "/customer",
                "/customer/customerId",
                "/customer/email",
                "/customer/name",
                "/customer/rewardsSignup",
                "/items",
                "/items/0",
                "/items/0/sku",
                "/items/0/name",
                "/items/0/quantity",
                "/items/0/unitPrice",
                "/currency",
                "/shippingAddress",
                "/shippingAddress/line1",
                "/shippingAddress/line2",
                "/shippingAddress/city",
                "/shippingAddress/region",
                "/shippingAddress/postalCode",
                "/shippingAddress/country");
        Arbitrary<Map.Entry<String, JsonNode>> mutation =
                Combinators.combine(where, values()).as(Map::entry);
        Arbitrary<String> sample = Arbitraries.of(
                "post-order-rewards-signup.json", "post-order-no-signup.json", "post-order-with-idempotency-key.json");
        // Most bodies get one change, so that each limit is met alone and not hidden behind another error.
        return Combinators.combine(sample, mutation.list().ofMinSize(0).ofMaxSize(2))
                .as((name, changes) -> {
                    ObjectNode body = sampleBody(name);
                    changes.forEach(change -> set(body, change.getKey(), change.getValue()));
                    return body;
                });
    }

    private Arbitrary<JsonNode> values() {
        Arbitrary<Integer> lengths = Arbitraries.of(
                0, 1, 2, 19, 20, 21, 63, 64, 65, 99, 100, 101, 127, 128, 129, 199, 200, 201, 253, 254, 255);
        Arbitrary<String> units = Arbitraries.of(
                "a",
                "Z",
                "7",
                " ",
                "\u3000",
                "\u00A0",
                "\u2007",
                "\u0000",
                "\t",
                "\u001F",
                "\u007F",
                "\u0085",
                "\u009F",
                "\uD83D\uDCE6",
                "é",
                "@",
                ".",
                "-");
        Arbitrary<JsonNode> texts = Combinators.combine(units, units, lengths)
                .as((unit, rest, length) -> (JsonNode) NODES.textNode((unit + rest.repeat(Math.max(0, length - 1)))
                        .codePoints()
                        .limit(length)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString()));
        Arbitrary<JsonNode> emails = Combinators.combine(
                        Arbitraries.of("a", "pat.quill", "jürgen", "a b", "x\u0001", "", "\"q\""),
                        Arbitraries.of(
                                "example.com",
                                "localhost",
                                "example.com.",
                                ".example.com",
                                "b.de",
                                "a..b",
                                "ex ample.com",
                                "exa@mple.com",
                                "",
                                "xn--bcher-kva.example"))
                .as((local, domain) -> NODES.textNode(local + "@" + domain));
        return Arbitraries.oneOf(
                Arbitraries.just(ABSENT),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.of(
                                -1L,
                                0L,
                                1L,
                                2L,
                                999L,
                                1000L,
                                1001L,
                                99_999_999L,
                                100_000_000L,
                                100_000_001L,
                                Long.MAX_VALUE,
                                Long.MIN_VALUE)
                        .map(NODES::numberNode),
                Arbitraries.of(new BigDecimal("1.0"), new BigDecimal("0.5"), new BigDecimal("1E+2"))
                        .map(NODES::numberNode),
                Arbitraries.of(BigInteger.TWO.pow(63), BigInteger.TEN.pow(30)).map(NODES::numberNode),
                texts,
                emails,
                Arbitraries.of("EUR", "JPY", "eur", "XAU", "XXX", "ZZZ", "DE", "NO", "de", "ZZ", "DEU")
                        .map(NODES::textNode),
                Arbitraries.of(0, 1, 2, 100, 101).map(RequestSchemaAgreementTest::items),
                Arbitraries.of(
                        NODES.objectNode(),
                        NODES.arrayNode().add(1),
                        NODES.arrayNode().addNull()));
    }

    // ---------------------------------------------------------------- the two judges

    private static void assertAgreement(String what, JsonNode body) {
        Validation checkout = checkoutVerdict(body);
        boolean schema = OpenApiDocument.valid(REQUEST, body);

        assertThat(schema)
                .as(
                        "%s: the schema %s it %s but checkout %s it %s",
                        what,
                        schema ? "accepts" : "refuses",
                        OpenApiDocument.violations(REQUEST, body),
                        checkout instanceof Validation.Valid ? "accepts" : "refuses",
                        checkout)
                .isEqualTo(checkout instanceof Validation.Valid);
    }

    private static boolean checkoutAccepts(JsonNode body) {
        return checkoutVerdict(body) instanceof Validation.Valid;
    }

    /** Checkout's verdict for a customer whose token names the body's customer id (or some customer, if none). */
    private static Validation checkoutVerdict(JsonNode body) {
        JsonNode copy = body.deepCopy(); // binding fills the customer id in
        JsonNode named = copy.path("customer").path("customerId");
        String subject = named.isTextual() ? named.textValue() : SOME_CUSTOMER;
        assertThat(Ownership.bind(copy, subject))
                .as("the token names the body's customer")
                .isTrue();
        return VALIDATOR.validate(copy);
    }

    // ---------------------------------------------------------------- bodies

    private static RequestBody.Content content(String sample) {
        APIGatewayV2HTTPEvent event =
                EventLoader.loadApiGatewayHttpEvent(SAMPLES.resolve(sample).toString());
        return RequestBody.read(event.getBody(), event.getIsBase64Encoded());
    }

    /** A copy of the body of {@code sample}, the caller's to change. */
    private static ObjectNode sampleBody(String sample) {
        ObjectNode body = SAMPLE_BODIES.get(sample);
        if (body == null) {
            throw new IllegalArgumentException("No sample with a JSON body in " + SAMPLES + " is named " + sample);
        }
        return body.deepCopy();
    }

    private static Map<String, ObjectNode> readSampleBodies() {
        try (Stream<String> samples = samples()) {
            return samples.collect(Collectors.toUnmodifiableMap(sample -> sample, sample -> {
                if (!(content(sample) instanceof RequestBody.Json json)) {
                    throw new IllegalStateException(sample + " has no JSON body: name it in REFUSED_BEFORE_THE_SCHEMA");
                }
                return (ObjectNode) json.tree();
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + SAMPLES, e);
        }
    }

    private static Arguments body(String name, JsonNode body) {
        return Arguments.of(name, body);
    }

    private static Arguments edit(String name, String pointer, JsonNode value) {
        ObjectNode body = sampleBody("post-order-rewards-signup.json");
        set(body, pointer, value);
        return Arguments.of(name, body);
    }

    /** Sets (or, for {@link #ABSENT}, removes) the value at {@code pointer}; a parent that is gone is left alone. */
    private static void set(ObjectNode body, String pointer, JsonNode value) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = body.at(at.head());
        if (parent instanceof ObjectNode object) {
            if (value.isMissingNode()) {
                object.remove(at.last().getMatchingProperty());
            } else {
                object.set(at.last().getMatchingProperty(), value.deepCopy());
            }
        } else if (parent instanceof ArrayNode array
                && at.last().getMatchingIndex() >= 0
                && at.last().getMatchingIndex() < array.size()) {
            if (value.isMissingNode()) {
                array.remove(at.last().getMatchingIndex());
            } else {
                array.set(at.last().getMatchingIndex(), value.deepCopy());
            }
        }
    }

    private static JsonNode text(String unit, int times) {
        return NODES.textNode(unit.repeat(times));
    }

    /** {@code count} copies of the rewards-signup sample's first item. */
    private static JsonNode items(int count) {
        JsonNode first =
                sampleBody("post-order-rewards-signup.json").get("items").get(0);
        ArrayNode items = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            items.add(first.deepCopy());
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static List<String> enumOf(String schema) {
        Map<String, Object> schemas = (Map<String, Object>)
                ((Map<String, Object>) OpenApiDocument.tree().get("components")).get("schemas");
        return ((List<Object>) ((Map<String, Object>) schemas.get(schema)).get("enum"))
                .stream().map(String::valueOf).toList();
    }
}
