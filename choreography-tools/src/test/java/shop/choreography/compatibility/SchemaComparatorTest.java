package shop.choreography.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import shop.choreography.Fixtures;

class SchemaComparatorTest {

    private static final JsonNode BASE = Fixtures.json("compatibility/base.json");

    static Stream<Arguments> breakingChanges() {
        return Stream.of(
                breaking("required-field-removed", ChangeKind.REQUIRED_FIELD_REMOVED, "customer.customerId"),
                breaking("field-renamed", ChangeKind.FIELD_RENAMED, "customer.email"),
                breaking("optional-field-removed", ChangeKind.OPTIONAL_FIELD_REMOVED, "shippingAddress.line2"),
                breaking("type-changed", ChangeKind.TYPE_CHANGED, "items[].quantity"),
                breaking("type-widened", ChangeKind.TYPE_CHANGED, "items[].unitPrice"),
                breaking("enum-narrowed", ChangeKind.ENUM_NARROWED, "channel"),
                breaking("enum-imposed", ChangeKind.ENUM_NARROWED, "total.currency"),
                breaking("field-made-required", ChangeKind.FIELD_MADE_REQUIRED, "shippingAddress.line2"),
                breaking("required-field-added", ChangeKind.REQUIRED_FIELD_ADDED, "customer.phone"),
                breaking("field-made-optional", ChangeKind.FIELD_MADE_OPTIONAL, "customer.name"),
                breaking("max-length-tightened", ChangeKind.CONSTRAINT_TIGHTENED, "customer.name"),
                breaking("minimum-tightened", ChangeKind.CONSTRAINT_TIGHTENED, "items[].quantity"),
                breaking("max-items-tightened", ChangeKind.CONSTRAINT_TIGHTENED, "items"),
                breaking("pattern-changed", ChangeKind.CONSTRAINT_TIGHTENED, "total.currency"),
                breaking("format-added", ChangeKind.CONSTRAINT_TIGHTENED, "customer.customerId"),
                breaking("closed-to-extra-fields", ChangeKind.CONSTRAINT_TIGHTENED, "shippingAddress"),
                breaking("unsupported-keyword", ChangeKind.UNSUPPORTED_KEYWORD, "total"));
    }

    private static Arguments breaking(String fixture, ChangeKind kind, String path) {
        return Arguments.of(fixture, kind, path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingChanges")
    void aBreakingMinorIsReportedByKindAndPath(String fixture, ChangeKind kind, String path) {
        JsonNode after = Fixtures.json("compatibility/breaking/" + fixture + ".json");

        List<BreakingChange> changes = SchemaComparator.compare(BASE, after);

        assertThat(changes)
                .extracting(BreakingChange::kind, BreakingChange::path)
                .containsExactly(tuple(kind, path));
        assertThat(changes.get(0).describe()).startsWith(kind.words() + " at " + path + ": ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "identical-but-version",
                "optional-fields-added",
                "enum-widened",
                "max-length-loosened",
                "pattern-dropped",
                "descriptions-edited",
                "minimum-loosened"
            })
    void aCompatibleMinorPasses(String fixture) {
        JsonNode after = Fixtures.json("compatibility/compatible/" + fixture + ".json");

        assertThat(SchemaComparator.compare(BASE, after)).isEmpty();
    }

    @Test
    void aRenameNamesBothTheOldAndTheNewField() {
        JsonNode after = Fixtures.json("compatibility/breaking/field-renamed.json");

        assertThat(SchemaComparator.compare(BASE, after))
                .singleElement()
                .extracting(BreakingChange::detail)
                .asString()
                .contains("'email' is gone", "'emailAddress'");
    }

    @Test
    void aNarrowedEnumNamesTheValuesNoLongerAllowed() {
        JsonNode after = Fixtures.json("compatibility/breaking/enum-narrowed.json");

        assertThat(SchemaComparator.compare(BASE, after))
                .singleElement()
                .extracting(BreakingChange::detail)
                .asString()
                .contains("\"store\"");
    }

    @Test
    void goingBackToTheOlderMinorIsNotCompatibleEither() {
        JsonNode newer = Fixtures.json("compatibility/compatible/optional-fields-added.json");

        assertThat(SchemaComparator.compare(newer, BASE))
                .extracting(BreakingChange::kind)
                .containsOnly(ChangeKind.OPTIONAL_FIELD_REMOVED);
    }
}
