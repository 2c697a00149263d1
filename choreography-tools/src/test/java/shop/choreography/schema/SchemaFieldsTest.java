package shop.choreography.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.choreography.Fixtures;

class SchemaFieldsTest {

    private static final SchemaFields FIELDS = SchemaFields.of(Fixtures.json("compatibility/base.json"));

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("a required top-level field", "orderId", "string, required"),
                Arguments.of("an optional top-level field", "channel", "string, optional"),
                Arguments.of("a required field of a required object", "customer.email", "string, required"),
                Arguments.of("a required field of an optional object", "shippingAddress.line1", "string, optional"),
                Arguments.of("a field of every array element", "items[].sku", "string, required"),
                Arguments.of("the array itself", "items", "array, required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void aFieldIsGuaranteedOnlyWhenRequiredAllTheWayDown(String name, String path, String description) {
        assertThat(FIELDS.field(path)).get().extracting(SchemaField::describe).isEqualTo(description);
    }

    @Test
    void arrayElementsMayBeAddressedWithOrWithoutBrackets() {
        assertThat(FIELDS.canonical("items.quantity")).hasValue("items[].quantity");
        assertThat(FIELDS.canonical("items[].quantity")).hasValue("items[].quantity");
        assertThat(FIELDS.canonical("items.colour")).isEmpty();
    }

    static Stream<Arguments> typeFits() {
        return Stream.of(
                Arguments.of("same type", Set.of("string"), Set.of("string"), true),
                Arguments.of("an integer is a number", Set.of("integer"), Set.of("number"), true),
                Arguments.of("a number is not always an integer", Set.of("number"), Set.of("integer"), false),
                Arguments.of("a reader that accepts anything", Set.of("boolean"), Set.of(), true),
                Arguments.of("a producer that may send anything", Set.of(), Set.of("string"), false),
                Arguments.of("a producer that may send null", Set.of("string", "null"), Set.of("string"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeFits")
    void producedTypesMustFitTheAcceptedOnes(String name, Set<String> produced, Set<String> accepted, boolean fits) {
        assertThat(SchemaField.typesFit(produced, accepted)).isEqualTo(fits);
    }

    @Test
    void withinComparesWholeSegments() {
        assertThat(SchemaFields.within("customer.email", "customer")).isTrue();
        assertThat(SchemaFields.within("items[].sku", "items")).isTrue();
        assertThat(SchemaFields.within("customerId", "customer")).isFalse();
    }
}
