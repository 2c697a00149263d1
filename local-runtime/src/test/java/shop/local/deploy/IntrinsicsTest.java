package shop.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.SamTemplate;
import shop.template.TemplateException;

/**
 * What is local about resolving template values locally: resources go by logical id, the stack is {@code local}, the
 * account AWS's placeholder. The intrinsics themselves are template-model's IntrinsicResolverTest.
 */
class IntrinsicsTest {

    private static final SamTemplate TEMPLATE =
            SamTemplate.load(Path.of("src/test/resources/fixtures/intrinsics.yaml"));

    private final Intrinsics intrinsics =
            new Intrinsics(TEMPLATE, Map.of("SenderAddress", "orders@shop.example"), "eu-west-1");

    static Stream<Arguments> values() {
        return Stream.of(
                arguments("Ref of a resource is its logical id", Map.of("Ref", "OrdersBus"), "OrdersBus"),
                arguments(
                        "Ref of a given parameter is its value", Map.of("Ref", "SenderAddress"), "orders@shop.example"),
                arguments("the stack is called local", Map.of("Ref", "AWS::StackName"), "local"),
                arguments(
                        "GetAtt Arn names the placeholder account and the run's region",
                        Map.of("Fn::GetAtt", List.of("ShipmentsTable", "Arn")),
                        "arn:aws:dynamodb:eu-west-1:123456789012:table/ShipmentsTable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void resolvesAsALocalDeployment(String name, Object value, String expected) {
        assertThat(intrinsics.resolve(value, "SomeFunction", "Environment.Variables.X"))
                .isEqualTo(expected);
    }

    @Test
    void theArnOfAFunctionIsInTheRunsRegion() {
        Intrinsics inUsEast = new Intrinsics(TEMPLATE, Map.of(), "us-east-1");

        assertThat(inUsEast.arn("ShipmentsTable"))
                .isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/ShipmentsTable");
    }

    @Test
    void parameterTheTemplateDoesNotDeclareIsRefused() {
        assertThatThrownBy(() -> new Intrinsics(TEMPLATE, Map.of("SendrAddress", "orders@shop.example"), "eu-west-1"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(
                        "Parameters.SendrAddress is given a value but the template declares no such parameter");
    }
}
