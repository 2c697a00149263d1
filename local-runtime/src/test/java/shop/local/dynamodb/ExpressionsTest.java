package shop.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.local.aws.ServiceError;
import shop.local.json.Json;

/**
 * The expression language the stand-in emulates, and the clear refusal of the rest. Whether the emulated part answers
 * as DynamoDB does is the parity suite's question (emulator-tests, {@code DynamoDbParityIT}); this one pins down where
 * the line runs.
 */
class ExpressionsTest {

    /** An email claim as the email function writes it, with a lease, a number and a list. */
    private static final ObjectNode CLAIM = item(Map.of(
            "orderId",
            s("ord-1"),
            "status",
            s("SENDING"),
            "leaseExpiresAt",
            n("100"),
            "tags",
            Json.object().set("L", Json.mapper().createArrayNode())));

    static Stream<Arguments> conditions() {
        return Stream.of(
                arguments(
                        "attribute_not_exists of an absent item holds",
                        "attribute_not_exists(orderId)",
                        Map.of(),
                        Json.object(),
                        true),
                arguments(
                        "attribute_not_exists of a present attribute fails",
                        "attribute_not_exists(orderId)",
                        Map.of(),
                        CLAIM,
                        false),
                arguments(
                        "attribute_exists of a present attribute holds",
                        "attribute_exists(leaseExpiresAt)",
                        Map.of(),
                        CLAIM,
                        true),
                arguments(
                        "equality with a named placeholder",
                        "#status = :sending",
                        Map.of(":sending", s("SENDING")),
                        CLAIM,
                        true),
                arguments("numbers are equal by value", "leaseExpiresAt = :n", Map.of(":n", n("100.0")), CLAIM, true),
                arguments(
                        "a string never equals a number", "leaseExpiresAt = :n", Map.of(":n", s("100")), CLAIM, false),
                arguments("not-equal of an absent attribute holds", "claimId <> :c", Map.of(":c", s("x")), CLAIM, true),
                arguments("less-than compares numbers", "leaseExpiresAt < :now", Map.of(":now", n("101")), CLAIM, true),
                arguments("less-than of an absent attribute fails", "claimId < :c", Map.of(":c", s("x")), CLAIM, false),
                arguments("less-than across types fails", "leaseExpiresAt < :s", Map.of(":s", s("200")), CLAIM, false),
                arguments(
                        "greater-or-equal at the bound holds",
                        "leaseExpiresAt >= :n",
                        Map.of(":n", n("100")),
                        CLAIM,
                        true),
                arguments(
                        "AND binds tighter than OR",
                        "attribute_not_exists(orderId) OR #status = :sending AND " + "leaseExpiresAt < :now",
                        Map.of(":sending", s("SENDING"), ":now", n("50")),
                        CLAIM,
                        false),
                arguments(
                        "the email claim's takeover of an expired lease",
                        "attribute_not_exists(orderId) OR (#status = :sending AND leaseExpiresAt < :now)",
                        Map.of(":sending", s("SENDING"), ":now", n("101")),
                        CLAIM,
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void emulatedConditionsHoldAsInDynamoDb(
            String name, String expression, Map<String, JsonNode> values, ObjectNode item, boolean holds) {
        // Arrange
        Expressions expressions =
                expressions(expression.contains("#status") ? Map.of("#status", "status") : Map.of(), values);

        // Act
        Expressions.Condition condition =
                expressions.condition(Json.mapper().getNodeFactory().textNode(expression));

        // Assert
        assertThat(condition.test(item)).isEqualTo(holds);
    }

    @Test
    void updateSetsAddsAndRemovesAgainstTheItemAsItWas() {
        // Arrange: the email function's markSent and an analytics-style counter, in one expression
        Expressions expressions =
                expressions(Map.of("#status", "status"), Map.of(":sent", s("SENT"), ":one", n("1.50")));
        Expressions.Update update = expressions.update(
                "SET #status = :sent, previous = #status ADD orders :one, " + "visits :one REMOVE leaseExpiresAt");
        ObjectNode before = CLAIM.deepCopy();
        before.set("orders", n("2"));

        // Act
        ObjectNode after = update.apply(before);

        // Assert
        assertThat(after.get("status")).isEqualTo(s("SENT"));
        assertThat(after.get("previous")).isEqualTo(s("SENDING"));
        assertThat(after.get("orders")).isEqualTo(n("3.5"));
        assertThat(after.get("visits")).isEqualTo(n("1.5"));
        assertThat(after.has("leaseExpiresAt")).isFalse();
        assertThat(before.get("status")).isEqualTo(s("SENDING"));
        assertThat(update.counters()).containsExactly("orders", "visits");
    }

    @Test
    void addToAnAttributeThatIsNotANumberIsRefusedWhenApplied() {
        Expressions.Update update =
                expressions(Map.of(), Map.of(":one", n("1"))).update("ADD orderId :one");

        assertThatThrownBy(() -> update.apply(CLAIM))
                .isInstanceOfSatisfying(
                        ServiceError.class,
                        refused -> assertThat(refused.code()).isEqualTo("ValidationException"))
                .hasMessage("An operand in the update expression has an incorrect data type");
    }

    @Test
    void setFromAnAbsentAttributeIsRefusedWhenApplied() {
        Expressions.Update update = expressions(Map.of(), Map.of()).update("SET previous = absentAttribute");

        assertThatThrownBy(() -> update.apply(CLAIM))
                .hasMessage("The provided expression refers to an attribute that does not exist in the item");
    }

    static Stream<Arguments> conditionsNotEmulated() {
        return Stream.of(
                arguments("NOT", "NOT attribute_exists(orderId)", Map.of(), "NOT is not emulated"),
                arguments(
                        "BETWEEN",
                        "leaseExpiresAt BETWEEN :a AND :b",
                        Map.of(":a", n("1"), ":b", n("2")),
                        "BETWEEN is not emulated"),
                arguments("IN", "orderId IN (:a)", Map.of(":a", s("ord-1")), "IN is not emulated"),
                arguments(
                        "begins_with",
                        "begins_with(orderId, :p)",
                        Map.of(":p", s("ord")),
                        "the function begins_with is not emulated"),
                arguments(
                        "contains",
                        "contains(tags, :p)",
                        Map.of(":p", s("gift")),
                        "the function contains is not emulated"),
                arguments("size", "size(orderId) = :n", Map.of(":n", n("5")), "the function size is not emulated"),
                arguments(
                        "attribute_type",
                        "attribute_type(orderId, :t)",
                        Map.of(":t", s("S")),
                        "the function attribute_type is not emulated"),
                arguments(
                        "a nested path",
                        "address.city = :c",
                        Map.of(":c", s("Porto")),
                        "a nested document path (address....) is not emulated"),
                arguments(
                        "a list element",
                        "parcels[0] = :c",
                        Map.of(":c", s("x")),
                        "a nested document path (parcels[...) is not emulated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditionsNotEmulated")
    void conditionsNotEmulatedAreRefusedByName(
            String name, String expression, Map<String, JsonNode> values, String problem) {
        Expressions expressions = expressions(Map.of(), values);

        assertThatThrownBy(() ->
                        expressions.condition(Json.mapper().getNodeFactory().textNode(expression)))
                .isInstanceOfSatisfying(
                        ServiceError.class,
                        refused -> assertThat(refused.code()).isEqualTo("ValidationException"))
                .hasMessageStartingWith("Invalid ConditionExpression: " + problem)
                .hasMessageEndingWith("; expression: " + expression);
    }

    static Stream<Arguments> updatesNotEmulated() {
        return Stream.of(
                arguments(
                        "arithmetic",
                        "SET visits = visits + :one",
                        Map.of(":one", n("1")),
                        "arithmetic (+) in SET is not emulated"),
                arguments(
                        "if_not_exists",
                        "SET visits = if_not_exists(visits, :one)",
                        Map.of(":one", n("1")),
                        "the function if_not_exists is not emulated"),
                arguments(
                        "list_append",
                        "SET tags = list_append(tags, :l)",
                        Map.of(":l", Json.object().set("L", Json.mapper().createArrayNode())),
                        "the function list_append is not emulated"),
                arguments(
                        "ADD of a set", "ADD labels :s", Map.of(":s", ss("gift")), "ADD of a set (SS) is not emulated"),
                arguments(
                        "DELETE",
                        "DELETE labels :s",
                        Map.of(":s", ss("gift")),
                        "DELETE (removing members from a set) is not emulated"),
                arguments(
                        "a nested path",
                        "SET address.city = :c",
                        Map.of(":c", s("Porto")),
                        "a nested document path (address....) is not emulated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updatesNotEmulated")
    void updatesNotEmulatedAreRefusedByName(
            String name, String expression, Map<String, JsonNode> values, String problem) {
        Expressions expressions = expressions(Map.of(), values);

        assertThatThrownBy(() -> expressions.update(expression))
                .isInstanceOfSatisfying(
                        ServiceError.class,
                        refused -> assertThat(refused.code()).isEqualTo("ValidationException"))
                .hasMessageStartingWith("Invalid UpdateExpression: " + problem)
                .hasMessageEndingWith("; expression: " + expression);
    }

    static Stream<Arguments> invalidUpdates() {
        return Stream.of(
                arguments("empty", "", Map.of(), "The expression can not be empty"),
                arguments(
                        "a section twice",
                        "SET a = :v SET b = :v",
                        Map.of(":v", n("1")),
                        "The \"SET\" section can only be used once in an update expression"),
                arguments(
                        "one attribute twice",
                        "SET a = :v REMOVE a",
                        Map.of(":v", n("1")),
                        "Two document paths overlap with each other"),
                arguments(
                        "a reserved word",
                        "SET status = :v",
                        Map.of(":v", s("SENT")),
                        "Attribute name is a reserved keyword; reserved keyword: status"),
                arguments(
                        "ADD of a string",
                        "ADD points :v",
                        Map.of(":v", s("1")),
                        "Incorrect operand type for operator or function; operator: ADD, operand type: S"),
                arguments(
                        "an undefined value",
                        "SET a = :missing",
                        Map.of(),
                        "An expression attribute value used in "
                                + "expression is not defined; attribute value: :missing"),
                arguments(
                        "an undefined name",
                        "SET #missing = :v",
                        Map.of(":v", n("1")),
                        "An expression attribute "
                                + "name used in the document path is not defined; attribute name: #missing"),
                arguments(
                        "an unknown function",
                        "SET a = plus(a, :v)",
                        Map.of(":v", n("1")),
                        "Invalid function name; function: plus"),
                arguments("a syntax error", "SET a = = :v", Map.of(":v", n("1")), "Syntax error; token: \"=\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUpdates")
    void invalidUpdatesAreRefusedAsDynamoDbRefusesThem(
            String name, String expression, Map<String, JsonNode> values, String problem) {
        Expressions expressions = expressions(Map.of(), values);

        assertThatThrownBy(() -> expressions.update(expression))
                .isInstanceOfSatisfying(
                        ServiceError.class,
                        refused -> assertThat(refused.code()).isEqualTo("ValidationException"))
                .hasMessageStartingWith("Invalid UpdateExpression: " + problem);
    }

    @Test
    void reservedWordsAreRefusedInConditionsInAnyCaseButNotBehindANamePlaceholder() {
        Expressions bare = expressions(Map.of(), Map.of(":v", s("SENT")));
        Expressions named = expressions(Map.of("#s", "Status"), Map.of(":v", s("SENT")));

        assertThatThrownBy(() -> bare.condition(Json.mapper().getNodeFactory().textNode("Status = :v")))
                .hasMessageContaining("reserved keyword: Status");
        assertThat(named.condition(Json.mapper().getNodeFactory().textNode("#s = :v"))
                        .test(item(Map.of("Status", s("SENT")))))
                .isTrue();
    }

    @Test
    void aProjectionIsRefusedByName() {
        Expressions expressions = expressions(Map.of(), Map.of());

        assertThatThrownBy(() -> expressions.refuseProjection(
                        Json.mapper().getNodeFactory().textNode("orderId")))
                .hasMessageStartingWith("Invalid ProjectionExpression: a projection is not emulated");
    }

    @Test
    void placeholdersNoExpressionUsesAreRefused() {
        Expressions expressions = expressions(Map.of("#s", "status"), Map.of(":v", s("SENT"), ":unused", s("x")));
        expressions.update("SET #s = :v");

        assertThatThrownBy(expressions::checkAllUsed)
                .hasMessage("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
    }

    private static Expressions expressions(Map<String, String> names, Map<String, JsonNode> values) {
        ObjectNode nameNode = Json.object();
        names.forEach(nameNode::put);
        ObjectNode valueNode = Json.object();
        values.forEach(valueNode::set);
        return new Expressions(nameNode, valueNode);
    }

    private static ObjectNode item(Map<String, JsonNode> attributes) {
        ObjectNode item = Json.object();
        attributes.forEach(item::set);
        return item;
    }

    private static ObjectNode s(String value) {
        return Json.object().put("S", value);
    }

    private static ObjectNode n(String value) {
        return Json.object().put("N", value);
    }

    private static ObjectNode ss(String... members) {
        ObjectNode set = Json.object();
        var array = set.putArray("SS");
        for (String member : members) {
            array.add(member);
        }
        return set;
    }
}
