package shop.choreography.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.choreography.Choreography;
import shop.choreography.Fixtures;
import shop.choreography.RepositoryFiles;
import shop.template.SamTemplate;

class ChoreographyMapTest {

    private static final Choreography REAL = Choreography.load(Fixtures.repository());

    @Test
    void theReadmeMapAndTheSvgAreCurrentWithTheTemplate() {
        assertThat(REAL.mapProblems()).isEmpty();
    }

    static Stream<Named<String>> declaredResources() {
        SamTemplate template = REAL.template();
        return Stream.of(
                        "AWS::Serverless::Function", "AWS::Events::EventBus", "AWS::DynamoDB::Table", "AWS::SQS::Queue")
                .flatMap(type ->
                        template.resourcesOfType(type).stream().map(id -> Named.of(id + " (" + type + ")", id)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declaredResources")
    void everyFunctionBusTableAndQueueOfTheTemplateIsOnTheMap(String logicalId) {
        assertThat(REAL.map().nodes()).extracting(MapNode::id).contains(logicalId);
    }

    @Test
    void everyRuleOfTheTemplateIsOnTheMapWithItsPattern() {
        assertThat(REAL.template().rules()).isNotEmpty().allSatisfy(rule -> {
            MapNode node = REAL.map().node(rule.ruleLogicalId());
            assertThat(node.kind()).isEqualTo(MapNode.Kind.RULE);
            assertThat(node.lines()).contains("detail-type = OrderCreated", "schemaVersion prefix 1.");
        });
    }

    @Test
    void aTemplateIsDrawnAsTheGoldenMapSays() {
        SamTemplate template = SamTemplate.load(Fixtures.path("templates/map-one-subscriber.yaml"));

        String mermaid = MermaidMap.render(ChoreographyMap.from(template));

        assertThat(mermaid).isEqualTo(text("maps/one-subscriber.mmd"));
    }

    @Test
    void anOutdatedMapIsReportedWithTheCommandThatRedrawsIt(@TempDir Path repository) throws IOException {
        Files.writeString(
                repository.resolve("README.md"),
                "# Shop\n\n" + ReadmeMap.block("flowchart LR\n  Gone[\"A function since removed\"]\n", "old") + "\n");
        Choreography stale = inRepository(repository);

        assertThat(stale.mapProblems())
                .containsExactly(
                        "The choreography map in README.md is out of date with template.yaml; run "
                                + Choreography.MAP_COMMAND,
                        "docs/choreography-map.svg is out of date with template.yaml; run " + Choreography.MAP_COMMAND);
    }

    @Test
    void drawingTheMapAppendsTheBlockToAReadmeWithoutMarkersThenKeepsItCurrent(@TempDir Path repository)
            throws IOException {
        Files.writeString(repository.resolve("README.md"), "# Shop\n\nText the lead wrote.\n");
        Choreography choreography = inRepository(repository);

        choreography.drawMap();
        String once = Files.readString(repository.resolve("README.md"));
        choreography.drawMap();

        assertThat(once)
                .startsWith("# Shop\n\nText the lead wrote.\n\n" + ReadmeMap.START)
                .endsWith(ReadmeMap.END + "\n");
        assertThat(Files.readString(repository.resolve("README.md"))).isEqualTo(once);
        assertThat(choreography.mapProblems()).isEmpty();
    }

    private static Choreography inRepository(Path repository) {
        return new Choreography(
                new RepositoryFiles(repository), REAL.template(), REAL.producer(), List.of(), List.of());
    }

    private static String text(String resource) {
        try {
            return Files.readString(Fixtures.path(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
