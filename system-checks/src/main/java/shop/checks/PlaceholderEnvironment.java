package shop.checks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

/**
 * The environment Lambda would hand a function of {@code template.yaml}, with placeholders for what only a deployment
 * knows: a {@code Ref} to a resource becomes its logical id, a parameter its default or a sample that satisfies its
 * {@code AllowedPattern}, and credentials are dummies. Nothing here can reach AWS.
 */
public final class PlaceholderEnvironment {

    /** What Lambda itself sets in every function's environment; the credentials are dummies, never real keys. */
    public static final Map<String, String> LAMBDA_PROVIDED = Map.of(
            "AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "AKIAPLACEHOLDER00000",
            "AWS_SECRET_ACCESS_KEY", "placeholder-secret-access-key");

    // Parameters without a default that a deployment must supply; each sample must satisfy the parameter's AllowedPattern.
    private static final Map<String, String> PARAMETER_SAMPLES = Map.of("SenderAddress", "orders@shop.example");

    private PlaceholderEnvironment() {}

    /** The variables the template declares for {@code function}, intrinsics resolved to placeholders, in template order. */
    public static Map<String, String> declared(SamTemplate template, FunctionResource function) {
        Map<String, String> variables = new LinkedHashMap<>();
        function.environment().forEach((name, raw) -> variables.put(name, resolve(template, function, name, raw)));
        return variables;
    }

    /** {@link #declared} plus {@link #LAMBDA_PROVIDED}: everything the function would see at cold start. */
    public static Map<String, String> of(SamTemplate template, FunctionResource function) {
        Map<String, String> environment = new LinkedHashMap<>(declared(template, function));
        environment.putAll(LAMBDA_PROVIDED);
        return environment;
    }

    private static String resolve(SamTemplate template, FunctionResource function, String variable, Object raw) {
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
            return String.valueOf(raw);
        }
        Optional<String> referenced = SamTemplate.referencedId(raw);
        if (referenced.isEmpty()) {
            throw new IllegalArgumentException(function.logicalId() + " variable " + variable + " is " + raw
                    + ": only literals, Ref and Fn::GetAtt have placeholders; teach PlaceholderEnvironment the new form");
        }
        String id = referenced.get();
        if (template.resources().containsKey(id)) {
            // A Ref to a bus or table yields its name; the logical id stands in for the name CloudFormation generates.
            return id;
        }
        return parameterValue(template, function, variable, id);
    }

    @SuppressWarnings("unchecked")
    private static String parameterValue(SamTemplate template, FunctionResource function, String variable, String parameter) {
        Object parameters = template.document().get("Parameters");
        if (!(parameters instanceof Map<?, ?> declaredParameters) || !(declaredParameters.get(parameter) instanceof Map<?, ?> definition)) {
            throw new IllegalArgumentException(function.logicalId() + " variable " + variable + " refers to " + parameter
                    + ", which is neither a resource nor a parameter of the template");
        }
        Map<String, Object> spec = (Map<String, Object>) definition;
        String value = Optional.ofNullable(spec.get("Default")).map(String::valueOf)
                .or(() -> Optional.ofNullable(PARAMETER_SAMPLES.get(parameter)))
                .orElseThrow(() -> new IllegalArgumentException("Parameter " + parameter + " has no Default and no sample"
                        + " in PlaceholderEnvironment.PARAMETER_SAMPLES"));
        Object allowed = spec.get("AllowedPattern");
        if (allowed != null && !Pattern.compile(String.valueOf(allowed)).matcher(value).matches()) {
            throw new IllegalArgumentException("Placeholder '" + value + "' for parameter " + parameter
                    + " does not match its AllowedPattern " + allowed);
        }
        return value;
    }
}
