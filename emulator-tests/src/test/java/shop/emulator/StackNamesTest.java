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
import shop.template.IntrinsicResolver;
import shop.template.SamTemplate;
import shop.template.TemplateException;

class StackNamesTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));
    private final IntrinsicResolver names = ProvisionedStack.resolver(
            TEMPLATE, "it1234abcd", "eu-west-1", Map.of("SenderAddress", "orders@it1234abcd.example.com"));

    @Test
    void busIsNamedByItsSubOfTheStackName() {
        assertThat(names.nameOf("OrdersBus")).isEqualTo("it1234abcd-orders");
    }

    @Test
    void aTableWithoutDeclaredNameIsNamedAfterStackAndLogicalId() {
        assertThat(names.nameOf("ShipmentsTable")).isEqualTo("it1234abcd-ShipmentsTable");
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
        IntrinsicResolver withoutSender = ProvisionedStack.resolver(TEMPLATE, "it1234abcd", "eu-west-1", Map.of());

        assertThatThrownBy(() -> withoutSender.parameter("SenderAddress"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("SenderAddress");
    }

    @Test
    void generatedNamesStayWithinTheServicesLimits() {
        StackNames longStack = new StackNames("x".repeat(70));
        IntrinsicResolver resolver = ProvisionedStack.resolver(TEMPLATE, longStack.stackName(), "eu-west-1", Map.of());

        assertThat(resolver.nameOf("RewardsFunctionOrderCreated")).hasSize(64);
        assertThat(longStack.standInQueue("RewardsFunction")).hasSize(80);
    }
}
