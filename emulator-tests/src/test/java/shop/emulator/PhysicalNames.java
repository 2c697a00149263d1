package shop.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

/**
 * The names one run gives the template's resources, as CloudFormation would for a stack of that name, and the
 * functions' environments resolved against them. Every run has its own stack name, so runs against a long-lived
 * emulator never see each other's bus, tables or mail.
 */
public final class PhysicalNames {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final SamTemplate template;
    private final String stackName;
    private final String region;
    private final Map<String, String> parameters;

    /**
     * @param parameters values for the template's parameters that have no default (the deploy command's
     *                   {@code --parameter-overrides})
     */
    public PhysicalNames(SamTemplate template, String stackName, String region, Map<String, String> parameters) {
        this.template = template;
        this.stackName = stackName;
        this.region = region;
        this.parameters = Map.copyOf(parameters);
    }

    public String stackName() {
        return stackName;
    }

    /** The logical id of the template's one event bus. */
    public String busLogicalId() {
        List<String> buses = template.resourcesOfType("AWS::Events::EventBus");
        if (buses.size() != 1) {
            throw new IllegalStateException("template.yaml declares " + buses.size() + " event buses; the emulator suite provisions exactly one");
        }
        return buses.get(0);
    }

    /** The physical name of a bus or table: its {@code Name}/{@code TableName} resolved, else stack name and logical id. */
    public String of(String logicalId) {
        Map<String, Object> properties = properties(logicalId);
        String type = String.valueOf(template.resource(logicalId).get("Type"));
        Object declared = switch (type) {
            case "AWS::Events::EventBus" -> properties.get("Name");
            case "AWS::DynamoDB::Table" -> properties.get("TableName");
            default -> throw new IllegalStateException(logicalId + " is a " + type + ", which the emulator suite does not provision");
        };
        return declared == null ? generated(logicalId) : resolve(declared, logicalId + " name");
    }

    /** The name of the rule SAM generates for an {@code EventBridgeRule} event; EventBridge allows 64 characters. */
    public String ruleName(String ruleLogicalId) {
        return truncate(stackName + "-" + ruleLogicalId, 64);
    }

    /** The name of the SQS queue standing in for a function as its rule's target; SQS allows 80 characters. */
    public String standInQueueName(String functionLogicalId) {
        return truncate(stackName + "-" + functionLogicalId, 80);
    }

    /** The value of a parameter: as given for this run, else its default. */
    public String parameter(String name) {
        String given = parameters.get(name);
        if (given != null) {
            return given;
        }
        return template.parameterDefault(name).orElseThrow(() -> new IllegalStateException(
                "template.yaml parameter " + name + " has no default and the emulator suite gives it no value"));
    }

    /** A function's variables as the template declares them, every intrinsic resolved to this run's names. */
    public Map<String, String> environmentOf(FunctionResource function) {
        Map<String, String> resolved = new LinkedHashMap<>();
        function.environment().forEach((name, raw) ->
                resolved.put(name, resolve(raw, function.logicalId() + " variable " + name)));
        return resolved;
    }

    /** A template value (string, number, {@code Ref} or {@code Fn::Sub}) resolved for this run. */
    public String resolve(Object raw, String where) {
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
            return String.valueOf(raw);
        }
        if (raw instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
            if (intrinsic.get("Ref") instanceof String ref) {
                return reference(ref, where);
            }
            if (intrinsic.get("Fn::Sub") instanceof String text) {
                return substitute(text, where);
            }
        }
        throw new IllegalStateException(where + ": the emulator suite cannot resolve " + raw);
    }

    private String reference(String name, String where) {
        switch (name) {
            case "AWS::StackName":
                return stackName;
            case "AWS::Region":
                return region;
            default:
                break;
        }
        if (parameterNames().contains(name)) {
            return parameter(name);
        }
        if (template.resources().containsKey(name)) {
            return of(name);
        }
        throw new IllegalStateException(where + ": Ref " + name + " names neither a parameter nor a resource of template.yaml");
    }

    private String substitute(String text, String where) {
        Matcher variable = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(out, Matcher.quoteReplacement(reference(variable.group(1), where)));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private Set<String> parameterNames() {
        return template.document().get("Parameters") instanceof Map<?, ?> declared
                ? declared.keySet().stream().map(String::valueOf).collect(Collectors.toSet())
                : Set.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(String logicalId) {
        return Optional.ofNullable(template.resource(logicalId).get("Properties"))
                .map(p -> (Map<String, Object>) p).orElse(Map.of());
    }

    private String generated(String logicalId) {
        return stackName + "-" + logicalId;
    }

    private static String truncate(String name, int limit) {
        return name.length() <= limit ? name : name.substring(0, limit);
    }
}
