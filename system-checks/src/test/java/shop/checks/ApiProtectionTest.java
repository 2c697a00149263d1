package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.checks.TemplateTree.at;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.SamTemplate;

/**
 * Every HTTP API of the template is throttled and requires a JWT that API Gateway verifies against the issuer and
 * audience given as template parameters: checkout trusts the verified {@code sub} claim as the customer id.
 */
class ApiProtectionTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));

    static Stream<String> httpApis() {
        return TEMPLATE.resourcesOfType("AWS::Serverless::HttpApi").stream();
    }

    @Test
    void theTemplateHasAnApi() {
        assertThat(httpApis()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("httpApis")
    void everyRouteIsThrottled(String api) {
        Map<String, Object> resource = TEMPLATE.resource(api);

        for (String limit : new String[] {"ThrottlingBurstLimit", "ThrottlingRateLimit"}) {
            assertThat(at(resource, "Properties", "DefaultRouteSettings", limit))
                    .as("%s %s", api, limit)
                    .hasValueSatisfying(
                            value -> assertThat(((Number) value).doubleValue()).isPositive());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("httpApis")
    void everyRouteRequiresAVerifiedJwt(String api) {
        Map<String, Object> auth = at(TEMPLATE.resource(api), "Properties", "Auth")
                .map(this::map)
                .orElseThrow(() -> new AssertionError(api + " has no Auth"));
        String name = String.valueOf(auth.get("DefaultAuthorizer"));
        Optional<Object> authorizer = at(auth, "Authorizers", name);

        assertThat(authorizer).as("%s DefaultAuthorizer %s", api, name).isPresent();
        assertThat(at(authorizer.get(), "IdentitySource")).contains("$request.header.Authorization");
        assertThat(at(authorizer.get(), "JwtConfiguration", "issuer")).contains(Map.of("Ref", "JwtIssuer"));
        assertThat(at(authorizer.get(), "JwtConfiguration", "audience")).contains(Map.of("Ref", "JwtAudience"));
    }

    @Test
    void noRouteOptsOutOfTheAuthorizer() {
        assertThat(TEMPLATE.functions()).allSatisfy(function -> {
            Object events = at(TEMPLATE.resource(function.logicalId()), "Properties", "Events")
                    .orElse(Map.of());
            map(events)
                    .forEach((event, definition) -> assertThat(at(definition, "Properties", "Auth", "Authorizer"))
                            .as("%s event %s Auth.Authorizer", function.logicalId(), event)
                            .isNotEqualTo(Optional.of("NONE")));
        });
    }

    @Test
    void issuerAndAudienceAreParametersWithoutDefaults() {
        // A default would deploy an API that trusts someone's tokens without the operator choosing whose.
        Map<String, Object> parameters = map(TEMPLATE.document().get("Parameters"));

        assertThat(parameters).containsKeys("JwtIssuer", "JwtAudience");
        assertThat(map(parameters.get("JwtIssuer"))).doesNotContainKey("Default");
        assertThat(map(parameters.get("JwtAudience"))).doesNotContainKey("Default");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
