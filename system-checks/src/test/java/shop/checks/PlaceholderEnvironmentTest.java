package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.SamTemplate;

class PlaceholderEnvironmentTest {

    private static final SamTemplate PLACEHOLDERS = SamTemplate.load(Path.of("src/test/resources/templates/placeholders.yaml"));
    private static final SamTemplate UNRESOLVABLE = SamTemplate.load(Path.of("src/test/resources/templates/unresolvable.yaml"));

    static Stream<Arguments> resolvedVariables() {
        return Stream.of(
                Arguments.of("a literal stays as written", "LITERAL", "plain-value"),
                Arguments.of("a Ref to a resource becomes its logical id", "BUS", "Bus"),
                Arguments.of("a GetAtt becomes the logical id of its resource", "TABLE_ARN", "Table"),
                Arguments.of("a parameter without default takes its sample", "SENDER", "orders@shop.example"),
                Arguments.of("a parameter with a default takes the default", "STAGE", "test"));
    }

    static Stream<Arguments> unresolvableFunctions() {
        return Stream.of(
                Arguments.of("an intrinsic without a placeholder", "SubFunction", "only literals, Ref and Fn::GetAtt"),
                Arguments.of("a parameter without default or sample", "MysteryFunction", "Parameter Mystery has no Default"),
                Arguments.of("a Ref to nothing in the template", "GhostFunction", "neither a resource nor a parameter"),
                Arguments.of("a sample the parameter's AllowedPattern refuses", "StrictFunction", "does not match its AllowedPattern"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolvedVariables")
    void resolvesTemplateValuesToPlaceholders(String rule, String variable, String expected) {
        var environment = PlaceholderEnvironment.declared(PLACEHOLDERS, PLACEHOLDERS.function("SomeFunction"));

        assertThat(environment).containsEntry(variable, expected);
    }

    @Test
    void addsWhatLambdaSetsWithDummyCredentials() {
        var environment = PlaceholderEnvironment.of(PLACEHOLDERS, PLACEHOLDERS.function("SomeFunction"));

        assertThat(environment).containsAllEntriesOf(PlaceholderEnvironment.LAMBDA_PROVIDED)
                .containsKeys("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unresolvableFunctions")
    void refusesWhatItCannotStandInFor(String rule, String function, String message) {
        assertThatThrownBy(() -> PlaceholderEnvironment.declared(UNRESOLVABLE, UNRESOLVABLE.function(function)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
