package shop.local.deploy;

import java.util.Map;
import shop.template.IntrinsicResolver;
import shop.template.ParameterValues;
import shop.template.PseudoParameters;
import shop.template.ResourceNames;
import shop.template.SamTemplate;

/**
 * Template values resolved for the stack the local runtime deploys: the template-model resolver, with each resource
 * named by its logical id (the local physical name), the region of the run and AWS's placeholder account.
 */
public final class Intrinsics {

    /** The account every local ARN and envelope names: AWS's documentation placeholder, never a real one. */
    public static final String ACCOUNT_ID = PseudoParameters.PLACEHOLDER_ACCOUNT;
    /** What {@code AWS::StackName} resolves to. */
    public static final String STACK_NAME = "local";

    private final IntrinsicResolver resolver;

    /** @param parameters parameter values given on the command line; checked against the template's declarations */
    public Intrinsics(SamTemplate template, Map<String, String> parameters, String region) {
        this.resolver = new IntrinsicResolver(
                template,
                PseudoParameters.of(STACK_NAME, region, ACCOUNT_ID),
                new ParameterValues(parameters, "give it on the command line as --parameter %s=<value>"),
                ResourceNames.logicalIds());
    }

    /** The value as a string, resolved; {@code resource} and {@code property} name where it came from, for errors. */
    public String resolve(Object value, String resource, String property) {
        return resolver.resolve(value, resource, property);
    }

    /** The ARN a resource has in the local account and region. */
    public String arn(String logicalId) {
        return resolver.arnOf(logicalId);
    }

    public String region() {
        return resolver.stack().region();
    }
}
