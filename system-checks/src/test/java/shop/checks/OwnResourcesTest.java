package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.checks.TemplateTree.at;
import static shop.checks.TemplateTree.listOf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.FunctionResource;
import shop.template.IntrinsicResolver;
import shop.template.SamTemplate;

/**
 * Each function can touch only its own things: every resource its policies allow is one its environment names (its
 * table, its bus, its sender identity), and no two functions are allowed onto the same resource.
 */
class OwnResourcesTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));

    static Stream<Named<FunctionResource>> functions() {
        return TEMPLATE.functions().stream().map(function -> Named.of(function.logicalId(), function));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void everyResourceAFunctionMayTouchIsOneItsEnvironmentNames(FunctionResource function) {
        Set<String> named = IntrinsicResolver.references(function.environment());
        List<Object> resources = allowedResources(function);

        assertThat(resources).as("%s policy resources", function.logicalId()).isNotEmpty();
        assertThat(resources).allSatisfy(resource -> {
            Set<String> reached = IntrinsicResolver.references(resource);
            // A literal ARN refers to nothing of ours: it reaches something this stack does not own.
            assertThat(reached)
                    .as("%s: template names in policy resource %s", function.logicalId(), resource)
                    .isNotEmpty();
            assertThat(named)
                    .as(
                            "%s: what its environment names (%s) must cover what its policy reaches",
                            function.logicalId(), function.environment().keySet())
                    .containsAll(reached);
        });
    }

    @Test
    void noTwoFunctionsMayTouchTheSameResource() {
        Map<String, String> owner = new HashMap<>();
        List<String> shared = new ArrayList<>();
        for (FunctionResource function : TEMPLATE.functions()) {
            allowedResources(function).stream()
                    .flatMap(resource -> IntrinsicResolver.references(resource).stream())
                    .distinct()
                    .forEach(name -> {
                        String previous = owner.putIfAbsent(name, function.logicalId());
                        if (previous != null && !previous.equals(function.logicalId())) {
                            shared.add(name + " (" + previous + " and " + function.logicalId() + ")");
                        }
                    });
        }

        assertThat(owner).isNotEmpty();
        assertThat(shared)
                .as("resources more than one function's policy reaches")
                .isEmpty();
    }

    @Test
    void everyQueueIsEncrypted() {
        List<String> queues = TEMPLATE.resourcesOfType("AWS::SQS::Queue");

        assertThat(queues).isNotEmpty().allSatisfy(queue -> {
            Map<String, Object> resource = TEMPLATE.resource(queue);
            boolean sqsManaged = at(resource, "Properties", "SqsManagedSseEnabled")
                    .filter(Boolean.TRUE::equals)
                    .isPresent();
            boolean kms = at(resource, "Properties", "KmsMasterKeyId").isPresent();
            assertThat(sqsManaged || kms)
                    .as("%s: SqsManagedSseEnabled: true or KmsMasterKeyId", queue)
                    .isTrue();
        });
    }

    @Test
    void everyTableIsEncrypted() {
        assertThat(TEMPLATE.resourcesOfType("AWS::DynamoDB::Table"))
                .isNotEmpty()
                .allSatisfy(table -> assertThat(
                                at(TEMPLATE.resource(table), "Properties", "SSESpecification", "SSEEnabled"))
                        .as("%s SSESpecification.SSEEnabled", table)
                        .contains(true));
    }

    private static List<Object> allowedResources(FunctionResource function) {
        return function.policies().stream()
                .flatMap(policy -> listOf(at(policy, "Statement").orElse(null)).stream())
                .filter(statement ->
                        at(statement, "Effect").filter("Allow"::equals).isPresent())
                .flatMap(statement -> listOf(at(statement, "Resource").orElse(null)).stream())
                .toList();
    }
}
