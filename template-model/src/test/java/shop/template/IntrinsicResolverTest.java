package shop.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every intrinsic the one resolver knows, against a fixture template, and every way a value can fail to resolve. */
class IntrinsicResolverTest {

    private static final SamTemplate TEMPLATE =
            SamTemplate.load(Path.of("src/test/resources/templates/intrinsics.yaml"));
    private static final String HOW_TO_GIVE = "pass --parameter %s=<value>";
    private static final PseudoParameters STACK =
            PseudoParameters.of("shop", "eu-west-1", PseudoParameters.PLACEHOLDER_ACCOUNT);
    private static final String PLACE = "eu-west-1:123456789012:";

    private final IntrinsicResolver resolver =
            resolver(Map.of("SenderAddress", "orders@shop.example"), ResourceNames.logicalIds());

    private static IntrinsicResolver resolver(Map<String, String> given, ResourceNames names) {
        return new IntrinsicResolver(TEMPLATE, STACK, new ParameterValues(given, HOW_TO_GIVE), names);
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("Ref", name);
    }

    private static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    static Stream<Arguments> values() {
        return Stream.of(
                arguments("a string stays as written", "orders", "orders"),
                arguments("a number is written out", 30, "30"),
                arguments("a boolean is written out", true, "true"),
                arguments("AWS::Region", ref("AWS::Region"), "eu-west-1"),
                arguments("AWS::AccountId", ref("AWS::AccountId"), "123456789012"),
                arguments("AWS::StackName", ref("AWS::StackName"), "shop"),
                arguments("AWS::Partition", ref("AWS::Partition"), "aws"),
                arguments("AWS::URLSuffix", ref("AWS::URLSuffix"), "amazonaws.com"),
                arguments(
                        "AWS::StackId",
                        ref("AWS::StackId"),
                        "arn:aws:cloudformation:" + PLACE + "stack/shop/00000000-0000-0000-0000-000000000000"),
                arguments("Ref of a given parameter is its value", ref("SenderAddress"), "orders@shop.example"),
                arguments("Ref of a parameter with a Default", ref("Stage"), "test"),
                arguments("Ref of a number parameter", ref("RetentionDays"), "30"),
                arguments("Ref of a bus is its name", ref("OrdersBus"), "OrdersBus"),
                arguments("Ref of a table is its name", ref("ShipmentsTable"), "ShipmentsTable"),
                arguments(
                        "Ref of a queue is its URL",
                        ref("DeadLetterQueue"),
                        "https://sqs.eu-west-1.amazonaws.com/123456789012/DeadLetterQueue"),
                arguments("Ref of a topic is its ARN", ref("AlertsTopic"), "arn:aws:sns:" + PLACE + "AlertsTopic"),
                arguments(
                        "Ref of the rule SAM generates",
                        ref("ReportFunctionOrderCreated"),
                        "ReportFunctionOrderCreated"),
                arguments(
                        "GetAtt Arn of a bus",
                        getAtt("OrdersBus", "Arn"),
                        "arn:aws:events:" + PLACE + "event-bus/OrdersBus"),
                arguments(
                        "GetAtt Arn of a table",
                        getAtt("ShipmentsTable", "Arn"),
                        "arn:aws:dynamodb:" + PLACE + "table/ShipmentsTable"),
                arguments(
                        "GetAtt Arn of a queue",
                        getAtt("DeadLetterQueue", "Arn"),
                        "arn:aws:sqs:" + PLACE + "DeadLetterQueue"),
                arguments(
                        "GetAtt Arn of a function",
                        getAtt("ReportFunction", "Arn"),
                        "arn:aws:lambda:" + PLACE + "function:ReportFunction"),
                arguments(
                        "GetAtt Arn of a generated rule",
                        getAtt("ReportFunctionOrderCreated", "Arn"),
                        "arn:aws:events:" + PLACE + "rule/ReportFunctionOrderCreated"),
                arguments("GetAtt QueueName", getAtt("DeadLetterQueue", "QueueName"), "DeadLetterQueue"),
                arguments(
                        "GetAtt QueueUrl",
                        getAtt("DeadLetterQueue", "QueueUrl"),
                        "https://sqs.eu-west-1.amazonaws.com/123456789012/DeadLetterQueue"),
                arguments("GetAtt Name of a bus", getAtt("OrdersBus", "Name"), "OrdersBus"),
                arguments(
                        "GetAtt written dotted",
                        Map.of("Fn::GetAtt", "OrdersBus.Arn"),
                        "arn:aws:events:" + PLACE + "event-bus/OrdersBus"),
                arguments(
                        "Sub of pseudo parameters, a parameter, a resource, an attribute and a literal",
                        Map.of(
                                "Fn::Sub",
                                "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/"
                                        + "${SenderAddress} ${OrdersBus} ${DeadLetterQueue.QueueName} ${!Literal}"),
                        "arn:aws:ses:" + PLACE + "identity/orders@shop.example OrdersBus DeadLetterQueue ${Literal}"),
                arguments(
                        "Sub in its list form, variables resolved first",
                        Map.of(
                                "Fn::Sub",
                                List.of(
                                        "${Who}@${Where}.${AWS::URLSuffix}",
                                        Map.of(
                                                "Who",
                                                ref("Stage"),
                                                "Where",
                                                Map.of("Fn::Join", List.of("-", List.of("a", "b")))))),
                        "test@a-b.amazonaws.com"),
                arguments(
                        "Sub variable that shadows a resource",
                        Map.of("Fn::Sub", List.of("${OrdersBus}", Map.of("OrdersBus", "x"))),
                        "x"),
                arguments(
                        "Join of values and intrinsics",
                        Map.of("Fn::Join", List.of("/", List.of("a", ref("OrdersBus"), 7))),
                        "a/OrdersBus/7"),
                arguments("Join of an empty list", Map.of("Fn::Join", List.of(",", List.of())), ""),
                arguments(
                        "Join of a list parameter", Map.of("Fn::Join", List.of(" ", ref("Audiences"))), "web mobile"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void resolvesAsCloudFormationWould(String name, Object value, String expected) {
        assertThat(resolver.resolve(value, "SomeFunction", "Environment.Variables.X"))
                .isEqualTo(expected);
    }

    static Stream<Arguments> unresolvable() {
        return Stream.of(
                arguments(
                        "a Ref to nothing",
                        ref("Nothing"),
                        "refers to Nothing, which is neither a parameter nor a resource"),
                arguments(
                        "a pseudo parameter not modelled",
                        ref("AWS::NotificationARNs"),
                        "refers to pseudo parameter AWS::NotificationARNs, which is not resolved here"),
                arguments(
                        "an intrinsic not modelled",
                        Map.of("Fn::If", List.of("IsProd", "a", "b")),
                        "uses Fn::If, which is not resolved here (Ref, Fn::GetAtt, Fn::Sub and Fn::Join are)"),
                arguments(
                        "an attribute not modelled",
                        getAtt("ShipmentsTable", "StreamArn"),
                        "uses Fn::GetAtt ShipmentsTable.StreamArn (AWS::DynamoDB::Table), which is not resolved here"),
                arguments(
                        "an attribute of an unmodelled type",
                        getAtt("Archive", "Arn"),
                        "uses Fn::GetAtt Archive.Arn (AWS::Events::Archive), which is not resolved here"),
                arguments(
                        "a GetAtt of nothing", getAtt("Nothing", "Arn"), "refers to Nothing, which is not a resource"),
                arguments(
                        "a GetAtt of one part",
                        Map.of("Fn::GetAtt", List.of("OrdersBus")),
                        "has a malformed Fn::GetAtt"),
                arguments("a Sub of a number", Map.of("Fn::Sub", 7), "has a malformed Fn::Sub"),
                arguments("a Sub naming nothing", Map.of("Fn::Sub", "${Nothing}"), "refers to Nothing"),
                arguments(
                        "a Join without delimiter",
                        Map.of("Fn::Join", List.of(List.of("a"))),
                        "has a malformed Fn::Join"),
                arguments(
                        "a Join of a string parameter",
                        Map.of("Fn::Join", List.of(",", ref("Stage"))),
                        "has a malformed Fn::Join: its values must be a list or a Ref to a list parameter"),
                arguments("a Ref of a list", Map.of("Ref", List.of("a")), "has a malformed Ref"),
                arguments(
                        "a list where a value belongs",
                        List.of("a"),
                        "must be a string or an intrinsic function, found a list"),
                arguments(
                        "a mapping of two keys",
                        Map.of("Ref", "Stage", "Fn::Sub", "x"),
                        "must be a string or an intrinsic function, found a mapping"),
                arguments("nothing at all", null, "must be a string or an intrinsic function, found nothing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unresolvable")
    void failsNamingWhereTheValueIs(String name, Object value, String problem) {
        assertThatThrownBy(() -> resolver.resolve(value, "SomeFunction", "Environment.Variables.X"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml: SomeFunction.Environment.Variables.X " + problem);
    }

    @Test
    void aParameterWithoutDefaultOrValueFailsWithTheCallersAdvice() {
        IntrinsicResolver withoutSender = resolver(Map.of(), ResourceNames.logicalIds());

        assertThatThrownBy(() -> withoutSender.resolve(ref("SenderAddress"), "SomeFunction", "Environment.Variables.X"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml: SomeFunction.Environment.Variables.X refers to parameter SenderAddress, "
                        + "which has no Default: pass --parameter SenderAddress=<value>");
    }

    static Stream<Arguments> refusedParameterValues() {
        return Stream.of(
                arguments(
                        "a parameter the template does not declare",
                        Map.of("SendrAddress", "a@b.c"),
                        "Parameters.SendrAddress is given a value but the template declares no such parameter"),
                arguments(
                        "a value its AllowedPattern refuses",
                        Map.of("SenderAddress", "not-an-address"),
                        "Parameters.SenderAddress value 'not-an-address' does not match its AllowedPattern"),
                arguments(
                        "a value not among its AllowedValues",
                        Map.of("Stage", "qa"),
                        "Parameters.Stage value 'qa' is not one of its AllowedValues [test, prod]"),
                arguments(
                        "a number below its MinValue",
                        Map.of("RetentionDays", "0"),
                        "Parameters.RetentionDays value 0 is outside its MinValue and MaxValue"),
                arguments(
                        "text for a Number",
                        Map.of("RetentionDays", "thirty"),
                        "Parameters.RetentionDays value 'thirty' is not a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedParameterValues")
    void refusesParameterValuesCloudFormationWouldRefuse(String name, Map<String, String> given, String problem) {
        assertThatThrownBy(() -> resolver(given, ResourceNames.logicalIds()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml: " + problem);
    }

    @Test
    void aGivenValueOverridesTheDefault() {
        IntrinsicResolver prod = resolver(Map.of("Stage", "prod"), ResourceNames.logicalIds());

        assertThat(prod.parameter("Stage")).isEqualTo("prod");
    }

    @Test
    void theNamingDecidesWhatRefsAndArnsOfResourcesBecome() {
        // Arrange: names as a deployed stack has them, honouring the names resources declare.
        ResourceNames deployed =
                (logicalId, type, names) -> names.declaredName(logicalId).orElse("shop-" + logicalId + "-X1");
        IntrinsicResolver stack = resolver(Map.of(), deployed);

        // Act
        Map<String, String> environment = stack.environmentOf(TEMPLATE.function("ReportFunction"));

        // Assert
        assertThat(environment)
                .containsOnly(
                        Map.entry("BUS", "shop-orders"),
                        Map.entry("TABLE", "shop-ShipmentsTable-X1"),
                        Map.entry("STAGE", "test"));
        assertThat(stack.arnOf("OrdersBus")).isEqualTo("arn:aws:events:" + PLACE + "event-bus/shop-orders");
        assertThat(stack.nameOf("DeadLetterQueue")).isEqualTo("shop-DeadLetterQueue-X1");
    }

    static Stream<Arguments> references() {
        return Stream.of(
                arguments("a literal refers to nothing", "orders", Set.of()),
                arguments("a Ref of a resource", ref("OrdersBus"), Set.of("OrdersBus")),
                arguments("a Ref of a pseudo parameter is no template name", ref("AWS::Region"), Set.of()),
                arguments("a GetAtt names its resource", getAtt("ShipmentsTable", "Arn"), Set.of("ShipmentsTable")),
                arguments(
                        "a dotted GetAtt names its resource",
                        Map.of("Fn::GetAtt", "DeadLetterQueue.Arn"),
                        Set.of("DeadLetterQueue")),
                arguments(
                        "a Sub names its variables, not pseudo parameters or literals",
                        Map.of("Fn::Sub", "${AWS::Region}/${SenderAddress}/${OrdersBus.Arn}/${!Literal}"),
                        Set.of("SenderAddress", "OrdersBus")),
                arguments(
                        "a Sub's own variables are not names, their values may refer to some",
                        Map.of("Fn::Sub", List.of("${Who}-${Stage}", Map.of("Who", ref("AlertsTopic")))),
                        Set.of("Stage", "AlertsTopic")),
                arguments(
                        "nested in lists and mappings",
                        Map.of(
                                "Statement",
                                List.of(Map.of(
                                        "Resource", List.of(getAtt("ShipmentsTable", "Arn"), ref("OrdersBus"))))),
                        Set.of("ShipmentsTable", "OrdersBus")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void findsTheTemplateNamesAValueRefersTo(String name, Object value, Set<String> expected) {
        assertThat(IntrinsicResolver.references(value)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aStackInChinaUsesItsPartitionAndDomain() {
        PseudoParameters china = PseudoParameters.of("shop", "cn-north-1", PseudoParameters.PLACEHOLDER_ACCOUNT);

        assertThat(china.value("AWS::Partition")).contains("aws-cn");
        assertThat(china.value("AWS::URLSuffix")).contains("amazonaws.com.cn");
    }
}
