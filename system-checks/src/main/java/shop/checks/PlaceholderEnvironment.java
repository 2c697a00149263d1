package shop.checks;

import java.util.LinkedHashMap;
import java.util.Map;
import shop.template.FunctionResource;
import shop.template.IntrinsicResolver;
import shop.template.ParameterValues;
import shop.template.PseudoParameters;
import shop.template.ResourceNames;
import shop.template.SamTemplate;

/**
 * The environment Lambda would hand a function of {@code template.yaml}, with placeholders for what only a deployment
 * knows: the template-model resolver names each resource by its logical id, a parameter takes its default or a sample
 * that must satisfy its constraints, and credentials are dummies. Nothing here can reach AWS.
 */
public final class PlaceholderEnvironment {

    /** The region of every placeholder ARN and of {@code AWS_REGION}. */
    static final String REGION = "eu-west-1";

    /** What Lambda itself sets in every function's environment; the credentials are dummies, never real keys. */
    public static final Map<String, String> LAMBDA_PROVIDED = Map.of(
            "AWS_REGION", REGION,
            "AWS_ACCESS_KEY_ID", "AKIAPLACEHOLDER00000",
            "AWS_SECRET_ACCESS_KEY", "placeholder-secret-access-key");

    // Parameters without a default that a deployment must supply; the resolver checks each against its constraints.
    private static final Map<String, String> PARAMETER_SAMPLES = Map.of("SenderAddress", "orders@shop.example");

    private PlaceholderEnvironment() {}

    /** The variables the template declares for {@code function}, intrinsics resolved to placeholders. */
    public static Map<String, String> declared(SamTemplate template, FunctionResource function) {
        Map<String, String> samples = new LinkedHashMap<>(PARAMETER_SAMPLES);
        samples.keySet().retainAll(template.parameters().keySet());
        IntrinsicResolver placeholders = new IntrinsicResolver(
                template,
                PseudoParameters.of("placeholder", REGION, PseudoParameters.PLACEHOLDER_ACCOUNT),
                new ParameterValues(samples, "add a sample for %s to PlaceholderEnvironment.PARAMETER_SAMPLES"),
                ResourceNames.logicalIds());
        return placeholders.environmentOf(function);
    }

    /** {@link #declared} plus {@link #LAMBDA_PROVIDED}: everything the function would see at cold start. */
    public static Map<String, String> of(SamTemplate template, FunctionResource function) {
        Map<String, String> environment = new LinkedHashMap<>(declared(template, function));
        environment.putAll(LAMBDA_PROVIDED);
        return environment;
    }
}
