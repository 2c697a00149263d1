package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.checks.TemplateTree.at;
import static shop.checks.TemplateTree.listOf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

/**
 * Every IAM statement anywhere in {@code template.yaml} (function policies, queue policies, roles) names its actions
 * and resources: no {@code *} action, no {@code service:*} action, no {@code *} resource, no public principal.
 */
class LeastPrivilegeTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));

    static Stream<Named<Map<String, Object>>> allowStatements() {
        List<Named<Map<String, Object>>> statements = new ArrayList<>();
        TEMPLATE.resources().forEach((id, resource) -> collect(id, resource, statements));
        return statements.stream().filter(s -> "Allow".equals(s.getPayload().get("Effect")));
    }

    @Test
    void theTemplateHasStatementsToCheck() {
        assertThat(allowStatements())
                .hasSizeGreaterThanOrEqualTo(TEMPLATE.functions().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowStatements")
    void statementNamesItsActions(Map<String, Object> statement) {
        assertThat(statement).doesNotContainKey("NotAction");
        assertThat(listOf(statement.get("Action")))
                .isNotEmpty()
                .allSatisfy(action ->
                        assertThat(String.valueOf(action)).isNotEqualTo("*").doesNotEndWith(":*"));
    }

    /**
     * Actions AWS grants on no narrower resource than {@code *}, each with the reason; a statement may say {@code *}
     * only when every action in it is listed here. None is used today: X-Ray is the usual first.
     */
    static final Map<String, String> WILDCARD_RESOURCE_ALLOWED = Map.of(
            "xray:PutTraceSegments",
                    "X-Ray defines no resource types: the Service Authorization Reference lists only *",
            "xray:PutTelemetryRecords",
                    "X-Ray defines no resource types: the Service Authorization Reference lists only *");

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowStatements")
    void statementNamesItsResources(Map<String, Object> statement) {
        assertThat(statement).doesNotContainKey("NotResource");
        List<Object> resources = listOf(statement.get("Resource"));
        assertThat(resources).isNotEmpty();
        if (resources.contains("*")) {
            assertThat(listOf(statement.get("Action")))
                    .as("actions of a statement on resource *, each needs a reason in" + " WILDCARD_RESOURCE_ALLOWED")
                    .allSatisfy(action -> assertThat(WILDCARD_RESOURCE_ALLOWED).containsKey(String.valueOf(action)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowStatements")
    void statementIsNotPublic(Map<String, Object> statement) {
        assertThat(listOf(statement.get("Principal"))).doesNotContain("*", Map.of("AWS", "*"));
    }

    @Test
    void noFunctionAttachesAManagedPolicyByName() {
        // A managed policy's statements are not in the template, so nothing here could check them.
        for (FunctionResource function : TEMPLATE.functions()) {
            assertThat(function.policies())
                    .as("%s Policies", function.logicalId())
                    .noneSatisfy(policy -> assertThat(policy).isInstanceOf(String.class));
        }
    }

    private static void collect(String where, Object node, List<Named<Map<String, Object>>> statements) {
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey("Statement")) {
                List<Object> found = listOf(map.get("Statement"));
                for (int i = 0; i < found.size(); i++) {
                    if (found.get(i) instanceof Map<?, ?> raw) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> statement = (Map<String, Object>) raw;
                        Object sid = at(statement, "Sid").orElse(i + 1);
                        statements.add(Named.of(where + " statement " + sid, statement));
                    }
                }
            }
            map.forEach((key, value) -> collect(where, value, statements));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(where, item, statements));
        }
    }
}
