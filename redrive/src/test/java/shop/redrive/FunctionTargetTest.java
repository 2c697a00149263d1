package shop.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.SamTemplate;

class FunctionTargetTest {

    private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:shop-EmailFunction-A1B2C3D4E5F6";

    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of("name", "shop-EmailFunction-A1B2C3D4E5F6", "shop-EmailFunction-A1B2C3D4E5F6", "live"),
                Arguments.of(
                        "name with alias",
                        "shop-EmailFunction-A1B2C3D4E5F6:live",
                        "shop-EmailFunction-A1B2C3D4E5F6",
                        "live"),
                Arguments.of(
                        "name with version",
                        "shop-EmailFunction-A1B2C3D4E5F6:7",
                        "shop-EmailFunction-A1B2C3D4E5F6",
                        "7"),
                Arguments.of("ARN", ARN, ARN, "live"),
                Arguments.of("ARN with alias", ARN + ":live", ARN, "live"),
                Arguments.of(
                        "partial ARN",
                        "123456789012:function:shop-EmailFunction-A1B2C3D4E5F6:live",
                        "123456789012:function:shop-EmailFunction-A1B2C3D4E5F6",
                        "live"),
                Arguments.of(
                        "GovCloud ARN",
                        "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:email",
                        "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:email",
                        "live"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void functionOptionNamesFunctionAndQualifier(String name, String option, String function, String qualifier) {
        // Act
        FunctionTarget target = FunctionTarget.parse(option);

        // Assert
        assertThat(target.function()).isEqualTo(function);
        assertThat(target.qualifier()).isEqualTo(qualifier);
        assertThat(target.isFunctionOf(ARN + ":live")).isEqualTo(function.endsWith("shop-EmailFunction-A1B2C3D4E5F6"));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("$LATEST", "shop-EmailFunction-A1B2C3D4E5F6:$LATEST", "bypass the live alias"),
                Arguments.of("ARN with $LATEST", ARN + ":$LATEST", "bypass the live alias"),
                Arguments.of("empty", "", "must be a function name or ARN"),
                Arguments.of(
                        "queue ARN",
                        "arn:aws:sqs:eu-west-1:123456789012:shop-EmailDeadLetterQueue",
                        "must be a function name or ARN"),
                Arguments.of("space in name", "shop Email", "must be a function name or ARN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void functionOptionThatCannotBeRedrivenIntoIsRefused(String name, String option, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FunctionTarget.parse(option))
                .withMessageContaining(message);
    }

    static Stream<Arguments> deadLetterFunctions() {
        return Stream.of(
                Arguments.of("same function, live alias", ARN + ":live", true),
                Arguments.of("same function, a version", ARN + ":7", true),
                Arguments.of("same function, unqualified", ARN, true),
                Arguments.of(
                        "another function",
                        "arn:aws:lambda:eu-west-1:123456789012:function:shop-RewardsFunction-Z9Y8X7W6V5U4:live",
                        false),
                Arguments.of("a name that merely starts the same", ARN + "X:live", false),
                Arguments.of("no ARN at all", null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deadLetterFunctions")
    void deadLetterBelongsToTheTargetByFunctionNameAlone(String name, String failedFunction, boolean belongs) {
        assertThat(FunctionTarget.parse("shop-EmailFunction-A1B2C3D4E5F6").isFunctionOf(failedFunction))
                .isEqualTo(belongs);
    }

    @Test
    void defaultAliasIsTheTemplatesAutoPublishAlias() {
        // Arrange
        SamTemplate template = SamTemplate.load(SamTemplate.locate(Path.of("")));

        // Act
        Object alias =
                ((Map<?, ?>) ((Map<?, ?>) template.document().get("Globals")).get("Function")).get("AutoPublishAlias");

        // Assert
        assertThat(alias).isEqualTo(FunctionTarget.DEFAULT_ALIAS);
    }
}
