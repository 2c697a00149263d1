package shop.local.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.SamTemplate;
import shop.template.TemplateException;

/** A template the local runtime cannot run fails before anything starts, naming the resource and property at fault. */
class BadTemplateTest {

    static Stream<Arguments> badTemplates() {
        return Stream.of(
                arguments(
                        "an event type that is not emulated",
                        "schedule-event.yaml",
                        "NightlyFunction.Events.Nightly.Type is Schedule; the local runtime"
                                + " emulates HttpApi and EventBridgeRule events only"),
                arguments(
                        "a parameter with neither Default nor value",
                        "parameter-without-value.yaml",
                        "EmailFunction.Environment.Variables.SENDER_ADDRESS refers to"
                                + " parameter SenderAddress, which has no Default: "
                                + "give it on the command line as --parameter SenderAddress=<value>"),
                arguments(
                        "a rule on an undeclared bus",
                        "unknown-bus.yaml",
                        "EmailFunction.Events.OrderCreated.Properties.EventBusName names bus"
                                + " 'orders-bus-typo', which is neither "
                                + "'default' nor an AWS::Events::EventBus of the template"),
                arguments(
                        "an intrinsic the runtime does not resolve",
                        "unresolvable-intrinsic.yaml",
                        "WarehouseFunction.Environment.Variables.SHIPMENTS_TABLE uses Fn::If,"
                                + " which is not resolved here"),
                arguments(
                        "more retries than Lambda allows",
                        "too-many-retries.yaml",
                        "EmailFunction.EventInvokeConfig.MaximumRetryAttempts is 5; Lambda allows 0 to 2"),
                arguments(
                        "a rule that reshapes the event",
                        "input-transformer.yaml",
                        "EmailFunction.Events.OrderCreated.Properties.InputTransformer is not"
                                + " emulated by the local runtime"),
                arguments(
                        "a runtime other than Java",
                        "python-runtime.yaml",
                        "ReportFunction.Runtime is python3.12; the local runtime runs Java functions only"),
                arguments(
                        "a pattern event-ruler refuses",
                        "invalid-pattern.yaml",
                        "EmailFunction.Events.OrderCreated.Properties.Pattern is not a valid event pattern: "),
                arguments(
                        "a key attribute without a type",
                        "key-without-type.yaml",
                        "ShipmentsTable.AttributeDefinitions must declare key attribute"
                                + " orderId with AttributeType S, N or B"),
                arguments(
                        "a variable Lambda reserves",
                        "reserved-variable.yaml",
                        "EmailFunction.Environment.Variables.AWS_REGION is reserved: Lambda"
                                + " (and the local runtime) sets it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTemplates")
    void badTemplateFailsNamingResourceAndProperty(String name, String file, String message) {
        Path template = Path.of("src/test/resources/bad-templates").resolve(file);

        assertThatThrownBy(() -> Deployment.of(SamTemplate.load(template), template, Map.of(), "eu-west-1"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml: " + message);
    }
}
