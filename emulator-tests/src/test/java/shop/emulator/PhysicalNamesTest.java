package shop.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

class PhysicalNamesTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));
    private final PhysicalNames names = new PhysicalNames(TEMPLATE, "it1234abcd", "eu-west-1",
            Map.of("SenderAddress", "orders@it1234abcd.example.com"));

    @Test
    void busIsNamedByItsSubOfTheStackName() {
        assertThat(names.of(names.busLogicalId())).isEqualTo("it1234abcd-orders");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void everyVariableOfEveryFunctionResolvesToThisRunsNames(String logicalId) {
        // Arrange
        FunctionResource function = TEMPLATE.function(logicalId);

        // Act
        Map<String, String> environment = names.environmentOf(function);

        // Assert: nothing is left as an intrinsic, and every name belongs to this run.
        assertThat(environment).containsOnlyKeys(function.environment().keySet());
        assertThat(environment.values()).allSatisfy(value -> assertThat(value).contains("it1234abcd"));
    }

    static Stream<String> functions() {
        return TEMPLATE.functions().stream().map(FunctionResource::logicalId);
    }

    @Test
    void aParameterWithoutDefaultOrValueFailsNamingIt() {
        PhysicalNames withoutSender = new PhysicalNames(TEMPLATE, "it1234abcd", "eu-west-1", Map.of());

        assertThatThrownBy(() -> withoutSender.parameter("SenderAddress"))
                .hasMessageContaining("SenderAddress");
    }

    @Test
    void generatedNamesStayWithinTheServicesLimits() {
        PhysicalNames longStack = new PhysicalNames(TEMPLATE, "x".repeat(70), "eu-west-1", Map.of());

        assertThat(longStack.ruleName("RewardsFunctionOrderCreated")).hasSizeLessThanOrEqualTo(64);
        assertThat(longStack.standInQueueName("RewardsFunction")).hasSizeLessThanOrEqualTo(80);
    }
}
