package shop.choreography.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.choreography.Fixtures;
import shop.events.OrderCreatedEvent;

class PublishedSchemasTest {

    @Test
    void everyPublishedMinorOfOrderCreatedIsCompatibleWithTheOneBefore() {
        PublishedSchemas published = PublishedSchemas.load(
                OrderCreatedEvent.DETAIL_TYPE,
                Fixtures.repository().orderCreatedSchemas(),
                OrderCreatedEvent.PUBLISHED_VERSIONS);

        assertThat(published.problems()).isEmpty();
        assertThat(published.versions())
                .extracting(PublishedSchemas.Version::text)
                .containsExactlyElementsOf(OrderCreatedEvent.PUBLISHED_VERSIONS);
    }

    static Stream<Arguments> histories() {
        return Stream.of(
                history("a compatible minor passes", "compatible-minor", List.of("1.0", "1.1"), List.of()),
                history(
                        "a breaking change under a new major passes",
                        "breaking-major",
                        List.of("1.0", "2.0"),
                        List.of()),
                history(
                        "a breaking minor fails naming versions, change and way out",
                        "breaking-minor",
                        List.of("1.0", "1.1"),
                        List.of(
                                "Fixture 1.0 -> 1.1 breaks consumers: field renamed at customer.email",
                                "publish it as Fixture 2.0 alongside 1.x")),
                history(
                        "a schema file nobody lists fails",
                        "compatible-minor",
                        List.of("1.0"),
                        List.of("1.1.json is not listed as published")),
                history(
                        "a listed version without a file fails",
                        "breaking-major",
                        List.of("1.0", "1.1", "2.0"),
                        List.of("Fixture 1.1 is published but")),
                history(
                        "a schema naming another version fails",
                        "wrong-version-const",
                        List.of("1.0"),
                        List.of("declares schemaVersion const '1.1', expected '1.0'")),
                history(
                        "versions listed out of order fail",
                        "compatible-minor",
                        List.of("1.1", "1.0"),
                        List.of("must be listed oldest first")),
                history(
                        "a version that is not major.minor fails",
                        "compatible-minor",
                        List.of("1.0", "1.1", "v2"),
                        List.of("'v2' is not of the form <major>.<minor>")));
    }

    private static Arguments history(String name, String folder, List<String> published, List<String> expected) {
        return Arguments.of(name, folder, published, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void theHistoryOfPublishedVersionsIsGuarded(
            String name, String folder, List<String> published, List<String> expected) {
        PublishedSchemas schemas = PublishedSchemas.load("Fixture", Fixtures.path("histories/" + folder), published);

        if (expected.isEmpty()) {
            assertThat(schemas.problems()).isEmpty();
        } else {
            assertThat(String.join("\n", schemas.problems())).contains(expected);
        }
    }

    @Test
    void eachMajorKeepsItsVersionsForTheRulesThatAskForIt() {
        PublishedSchemas schemas =
                PublishedSchemas.load("Fixture", Fixtures.path("histories/breaking-major"), List.of("1.0", "2.0"));

        assertThat(schemas.ofMajors(Set.of("1")))
                .extracting(PublishedSchemas.Version::text)
                .containsExactly("1.0");
        assertThat(schemas.ofMajors(Set.of()))
                .extracting(PublishedSchemas.Version::text)
                .containsExactly("1.0", "2.0");
        assertThat(schemas.latest().text()).isEqualTo("2.0");
    }
}
