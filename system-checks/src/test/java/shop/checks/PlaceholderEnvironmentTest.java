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
import shop.template.TemplateException;

class PlaceholderEnvironmentTest {

    private static final SamTemplate PLACEHOLDERS = template("placeholders.yaml");
    private static final SamTemplate UNRESOLVABLE = template("unresolvable.yaml");

    private static SamTemplate template(String file) {
        return SamTemplate.load(Path.of("src/test/resources/templates").resolve(file));
    }

    static Stream<Arguments> resolvedVariables() {
        return Stream.of(
                Arguments.of("a literal stays as written", "LITERAL", "plain-value"),
                Arguments.of("a Ref to a resource becomes its logical id", "BUS", "Bus"),
                Arguments.of(
                        "a GetAtt Arn names the logical id in the placeholder account",
                        "TABLE_ARN",
                        "arn:aws:dynamodb:eu-west-1:123456789012:table/Table"),
                Arguments.of("a parameter without default takes its sample", "SENDER", "orders@shop.example"),
                Arguments.of("a parameter with a default takes the default", "STAGE", "test"),
                Arguments.of("a Sub resolves in the placeholder region", "URL", "https://eu-west-1.test.shop.example"));
    }

    static Stream<Arguments> unresolvableFunctions() {
        return Stream.of(
                Arguments.of("an intrinsic the resolver does not know", UNRESOLVABLE, "IfFunction", "uses Fn::If"),
                Arguments.of(
                        "a parameter without default or sample",
                        UNRESOLVABLE,
                        "MysteryFunction",
                        "refers to parameter Mystery, which has no Default: add a sample for Mystery"),
                Arguments.of(
                        "a Ref to nothing in the template",
                        UNRESOLVABLE,
                        "GhostFunction",
                        "neither a parameter nor a resource"),
                Arguments.of(
                        "a sample the parameter's AllowedPattern refuses",
                        template("strict-sender.yaml"),
                        "StrictFunction",
                        "value 'orders@shop.example' does not match its AllowedPattern"));
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

        assertThat(environment)
                .containsAllEntriesOf(PlaceholderEnvironment.LAMBDA_PROVIDED)
                .containsKeys("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unresolvableFunctions")
    void refusesWhatItCannotStandInFor(String rule, SamTemplate template, String function, String message) {
        assertThatThrownBy(() -> PlaceholderEnvironment.declared(template, template.function(function)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(message);
    }
}
