package shop.choreography.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.choreography.Fixtures;
import shop.choreography.RepositoryFiles;
import shop.choreography.compatibility.PublishedSchemas;
import shop.choreography.contracts.Subscribers;
import shop.choreography.schema.SchemaField;
import shop.events.EventJson;
import shop.events.OrderCreatedEvent;
import shop.template.SamTemplate;

/**
 * The answer for every field of a fixture choreography of its own ({@code impact/shop}: two OrderCreated minors, a
 * subscriber that filters, one that reads an object whole, one without contract). The live schema is the evolution
 * guard's to judge; it can grow without this table changing.
 */
class ImpactAnalysisTest {

    private static final RepositoryFiles FIXTURE = new RepositoryFiles(Fixtures.path("impact/shop"));
    private static final ImpactAnalysis ANALYSIS = analysis(FIXTURE, List.of("1.0", "1.1"));

    private static final String LABEL = "label-function";
    private static final String POINTS = "points-function";
    private static final List<String> NO_RULE = List.of();
    private static final String POINTS_RULE = "PointsFunctionOrderCreated";

    static Stream<Arguments> everyField() {
        return Stream.of(
                field("schemaVersion", List.of("LabelFunctionOrderCreated", POINTS_RULE), LABEL, POINTS),
                field("orderId", NO_RULE, LABEL),
                field("customer", List.of(POINTS_RULE), LABEL, POINTS),
                field("customer.customerId", NO_RULE, POINTS),
                field("customer.email", NO_RULE, LABEL),
                field("customer.loyalty", List.of(POINTS_RULE)),
                field("items", NO_RULE, LABEL),
                field("items[].sku", NO_RULE, LABEL),
                field("items[].quantity", NO_RULE, LABEL),
                field("total", NO_RULE, POINTS),
                field("total.amount", NO_RULE, POINTS),
                field("total.currency", NO_RULE, POINTS),
                field("giftNote", NO_RULE, LABEL));
    }

    private static Arguments field(String path, List<String> rules, String... consumers) {
        return Arguments.of(path, rules, List.of(consumers));
    }

    private static ImpactAnalysis analysis(RepositoryFiles files, List<String> versions) {
        return new ImpactAnalysis(
                Subscribers.of(SamTemplate.load(files.template()), files),
                PublishedSchemas.load(OrderCreatedEvent.DETAIL_TYPE, files.orderCreatedSchemas(), versions));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyField")
    void listsTheRulesAndConsumersAChangeToTheFieldAffects(String field, List<String> rules, List<String> consumers) {
        Impact impact = ANALYSIS.of(field);

        assertThat(impact.ruleIds()).as("rules using %s", field).containsExactlyElementsOf(rules);
        assertThat(impact.consumerNames()).as("consumers reading %s", field).containsExactlyElementsOf(consumers);
        assertThat(impact.withoutContract()).containsExactly("audit-function (AuditFunction)");
    }

    @Test
    void theTableCoversEveryFieldOfEveryPublishedVersion() {
        assertThat(everyField().map(arguments -> (String) arguments.get()[0]))
                .containsExactlyInAnyOrderElementsOf(
                        ANALYSIS.fields().stream().map(SchemaField::path).toList());
    }

    @Test
    void anArrayFieldMayBeWrittenAsEventBridgePatternsWriteIt() {
        assertThat(ANALYSIS.of("items.sku").field().path()).isEqualTo("items[].sku");
    }

    @Test
    void aFieldOfANewerMinorIsKnownAsOptional() {
        assertThat(ANALYSIS.of("giftNote").field().guaranteed()).isFalse();
    }

    @Test
    void anUnknownFieldFailsListingTheKnownOnes() {
        assertThatThrownBy(() -> ANALYSIS.of("customer.phone"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("OrderCreated has no field 'customer.phone'. Fields: schemaVersion, orderId,")
                .hasMessageContaining("items[].sku");
    }

    @Test
    void theReportNamesRulesWithTheirConditionAndConsumersWithWhatTheyRead() {
        assertThat(ANALYSIS.of("customer").report()).isEqualTo("""
                Changing OrderCreated field customer (object, required) affects:
                  rules whose pattern uses it: 1
                    PointsFunctionOrderCreated -> PointsFunction   customer.loyalty = true
                  consumers whose contract reads it: 2
                    label-function (LabelFunction)   reads customer (required), customer.email (required)
                    points-function (PointsFunction)   reads customer (required), customer.customerId (required)
                  unknown, no consumer contract: audit-function (AuditFunction)
                """);
    }

    @Test
    void aCompatibleMinorOfTheLiveSchemaAddingAnOptionalFieldNeedsNoEditHere(@TempDir Path copy) throws IOException {
        // Arrange: the live schemas, plus the next minor adding one optional field, in a copy of the schema folder.
        RepositoryFiles live = Fixtures.repository();
        Path schemas = copy.resolve("schemas");
        Files.createDirectories(schemas);
        List<String> versions = new ArrayList<>(OrderCreatedEvent.PUBLISHED_VERSIONS);
        for (String version : versions) {
            Files.copy(live.orderCreatedSchemas().resolve(version + ".json"), schemas.resolve(version + ".json"));
        }
        PublishedSchemas today = PublishedSchemas.load(OrderCreatedEvent.DETAIL_TYPE, schemas, versions);
        PublishedSchemas.Version latest = today.latest();
        String next = latest.major() + "." + (latest.minor() + 1);
        ObjectNode schema = latest.schema().deepCopy();
        ((ObjectNode) schema.path("properties").path("schemaVersion")).put("const", next);
        ((ObjectNode) schema.path("properties")).putObject("giftWrap").put("type", "boolean");
        Files.writeString(schemas.resolve(next + ".json"), EventJson.mapper().writeValueAsString(schema));
        versions.add(next);

        // Act
        PublishedSchemas grown = PublishedSchemas.load(OrderCreatedEvent.DETAIL_TYPE, schemas, versions);
        ImpactAnalysis analysis = new ImpactAnalysis(Subscribers.of(SamTemplate.load(live.template()), live), grown);

        // Assert: the evolution guard accepts it, and the analysis answers for the new field without a table entry.
        assertThat(grown.problems()).isEmpty();
        Impact impact = analysis.of("giftWrap");
        assertThat(impact.field().guaranteed()).isFalse();
        assertThat(impact.ruleIds()).isEmpty();
        assertThat(impact.consumerNames()).isEmpty();
    }
}
