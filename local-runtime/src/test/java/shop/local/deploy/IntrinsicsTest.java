package shop.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.SamTemplate;
import shop.template.TemplateException;

/** How template values resolve for a local deployment: resources by logical id, parameters by value or Default. */
class IntrinsicsTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(java.nio.file.Path.of("src/test/resources/fixtures/intrinsics.yaml"));

    private final Intrinsics intrinsics = new Intrinsics(TEMPLATE, Map.of("SenderAddress", "orders@shop.example"), "eu-west-1");

    static Stream<Arguments> values() {
        return Stream.of(
                arguments("a plain string", "orders", "orders"),
                arguments("a number", 30, "30"),
                arguments("Ref of a resource is its logical id", Map.of("Ref", "OrdersBus"), "OrdersBus"),
                arguments("Ref of a given parameter is its value", Map.of("Ref", "SenderAddress"), "orders@shop.example"),
                arguments("Ref of a parameter with a Default", Map.of("Ref", "ArchiveRetentionDays"), "30"),
                arguments("Ref of a pseudo parameter", Map.of("Ref", "AWS::Region"), "eu-west-1"),
                arguments("GetAtt Arn of a table", Map.of("Fn::GetAtt", List.of("ShipmentsTable", "Arn")),
                        "arn:aws:dynamodb:eu-west-1:123456789012:table/ShipmentsTable"),
                arguments("GetAtt Arn of a bus", Map.of("Fn::GetAtt", List.of("OrdersBus", "Arn")),
                        "arn:aws:events:eu-west-1:123456789012:event-bus/OrdersBus"),
                arguments("Sub with references and a literal", Map.of("Fn::Sub", "${AWS::StackName}-${OrdersBus}-${!Literal}-${OrdersBus.Arn}"),
                        "local-OrdersBus-${Literal}-arn:aws:events:eu-west-1:123456789012:event-bus/OrdersBus"),
                arguments("Sub with its own variables", Map.of("Fn::Sub", List.of("${Who}@${AWS::Region}", Map.of("Who", Map.of("Ref", "SenderAddress")))),
                        "orders@shop.example@eu-west-1"),
                arguments("Join", Map.of("Fn::Join", List.of("/", List.of("a", Map.of("Ref", "OrdersBus")))), "a/OrdersBus"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void resolvesAsALocalDeployment(String name, Object value, String expected) {
        assertThat(intrinsics.resolve(value, "SomeFunction", "Environment.Variables.X")).isEqualTo(expected);
    }

    @Test
    void referenceToNothingFailsNamingWhereItIs() {
        assertThatThrownBy(() -> intrinsics.resolve(Map.of("Ref", "Nothing"), "SomeFunction", "Environment.Variables.X"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml: SomeFunction.Environment.Variables.X refers to Nothing, which is neither a parameter nor a resource");
    }

    @Test
    void parameterValueMustMeetItsAllowedPattern() {
        assertThatThrownBy(() -> new Intrinsics(TEMPLATE, Map.of("SenderAddress", "not-an-address"), "eu-west-1"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Parameters.SenderAddress value 'not-an-address' does not match its AllowedPattern");
    }

    @Test
    void parameterTheTemplateDoesNotDeclareIsRefused() {
        assertThatThrownBy(() -> new Intrinsics(TEMPLATE, Map.of("SendrAddress", "orders@shop.example"), "eu-west-1"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Parameters.SendrAddress is given on the command line but the template declares no such parameter");
    }
}
