package shop.local.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.template.SamTemplate;
import shop.template.TemplateException;

/**
 * Resolves template values the way CloudFormation would for a stack deployed locally: {@code Ref} of a resource is its
 * logical id (the local physical name), {@code Ref} of a parameter its given value or {@code Default}, pseudo
 * parameters are the local region and account; {@code Fn::GetAtt}, {@code Fn::Sub} and {@code Fn::Join} build on those.
 * Anything else fails naming the resource and property that used it.
 */
public final class Intrinsics {

    /** The account every local ARN and envelope names: AWS's documentation placeholder, never a real one. */
    public static final String ACCOUNT_ID = "123456789012";
    /** What {@code AWS::StackName} resolves to. */
    public static final String STACK_NAME = "local";

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final SamTemplate template;
    private final Map<String, String> parameters;
    private final String region;

    /** @param parameters parameter values given on the command line; checked against the template's declarations */
    public Intrinsics(SamTemplate template, Map<String, String> parameters, String region) {
        this.template = template;
        this.parameters = Map.copyOf(parameters);
        this.region = region;
        Map<String, Object> declared = declaredParameters();
        parameters.forEach((name, value) -> {
            if (!declared.containsKey(name)) {
                throw new TemplateException("Parameters", name, "is given on the command line but the template declares no such parameter");
            }
            check(name, value);
        });
    }

    /** The value as a string, resolved; {@code resource} and {@code property} name where it came from, for errors. */
    public String resolve(Object value, String resource, String property) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
            Map.Entry<?, ?> entry = intrinsic.entrySet().iterator().next();
            String function = String.valueOf(entry.getKey());
            Object argument = entry.getValue();
            switch (function) {
                case "Ref" -> {
                    return ref(String.valueOf(argument), resource, property);
                }
                case "Fn::GetAtt" -> {
                    if (argument instanceof List<?> parts && parts.size() == 2) {
                        return getAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)), resource, property);
                    }
                }
                case "Fn::Sub" -> {
                    return sub(argument, resource, property);
                }
                case "Fn::Join" -> {
                    if (argument instanceof List<?> parts && parts.size() == 2 && parts.get(1) instanceof List<?> values) {
                        List<String> resolved = new ArrayList<>();
                        values.forEach(item -> resolved.add(resolve(item, resource, property)));
                        return String.join(String.valueOf(parts.get(0)), resolved);
                    }
                }
                default -> throw new TemplateException(resource, property,
                        "uses " + function + ", which the local runtime does not resolve (it resolves Ref, Fn::GetAtt, Fn::Sub and Fn::Join)");
            }
            throw new TemplateException(resource, property, "has a malformed " + function);
        }
        throw new TemplateException(resource, property, "must be a string or an intrinsic function, found "
                + (value == null ? "nothing" : value instanceof List ? "a list" : "a mapping"));
    }

    /** The ARN a resource of this type has in the local account and region. */
    public String arn(String logicalId, String resource, String property) {
        String type = typeOf(logicalId, resource, property);
        String prefix = "arn:aws:";
        return switch (type) {
            case "AWS::Events::EventBus" -> prefix + "events:" + region + ":" + ACCOUNT_ID + ":event-bus/" + logicalId;
            case "AWS::Events::Rule" -> prefix + "events:" + region + ":" + ACCOUNT_ID + ":rule/" + logicalId;
            case "AWS::DynamoDB::Table" -> prefix + "dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + logicalId;
            case "AWS::SQS::Queue" -> prefix + "sqs:" + region + ":" + ACCOUNT_ID + ":" + logicalId;
            case "AWS::SNS::Topic" -> prefix + "sns:" + region + ":" + ACCOUNT_ID + ":" + logicalId;
            case "AWS::Serverless::Function", "AWS::Lambda::Function" ->
                    prefix + "lambda:" + region + ":" + ACCOUNT_ID + ":function:" + logicalId;
            default -> throw new TemplateException(resource, property,
                    "uses the Arn of " + logicalId + " (" + type + "), which the local runtime does not model");
        };
    }

    public String region() {
        return region;
    }

    private String ref(String name, String resource, String property) {
        switch (name) {
            case "AWS::Region" -> {
                return region;
            }
            case "AWS::AccountId" -> {
                return ACCOUNT_ID;
            }
            case "AWS::StackName" -> {
                return STACK_NAME;
            }
            case "AWS::Partition" -> {
                return "aws";
            }
            case "AWS::URLSuffix" -> {
                return "amazonaws.com";
            }
            default -> { }
        }
        Map<String, Object> declared = declaredParameters();
        if (declared.containsKey(name)) {
            String given = parameters.get(name);
            if (given != null) {
                return given;
            }
            Optional<String> fallback = template.parameterDefault(name);
            if (fallback.isPresent()) {
                return fallback.get();
            }
            throw new TemplateException(resource, property, "refers to parameter " + name
                    + ", which has no Default: give it on the command line as --parameter " + name + "=<value>");
        }
        if (template.resources().containsKey(name) || isGeneratedRule(name)) {
            return name;
        }
        throw new TemplateException(resource, property, "refers to " + name + ", which is neither a parameter nor a resource");
    }

    private String getAtt(String logicalId, String attribute, String resource, String property) {
        String type = typeOf(logicalId, resource, property);
        return switch (attribute) {
            case "Arn" -> arn(logicalId, resource, property);
            case "Name", "QueueName", "TopicName" -> logicalId;
            case "QueueUrl" -> "https://sqs." + region + ".amazonaws.com/" + ACCOUNT_ID + "/" + logicalId;
            default -> throw new TemplateException(resource, property,
                    "uses Fn::GetAtt " + logicalId + "." + attribute + " (" + type + "), which the local runtime does not model");
        };
    }

    private String sub(Object argument, String resource, String property) {
        String text;
        Map<?, ?> variables = Map.of();
        if (argument instanceof String plain) {
            text = plain;
        } else if (argument instanceof List<?> parts && parts.size() == 2 && parts.get(0) instanceof String first
                && parts.get(1) instanceof Map<?, ?> given) {
            text = first;
            variables = given;
        } else {
            throw new TemplateException(resource, property, "has a malformed Fn::Sub");
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}"; // ${!Literal} is how Sub writes a literal ${Literal}
            } else if (variables.containsKey(name)) {
                replacement = resolve(variables.get(name), resource, property);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = getAtt(name.substring(0, dot), name.substring(dot + 1), resource, property);
            } else {
                replacement = ref(name, resource, property);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String typeOf(String logicalId, String resource, String property) {
        if (isGeneratedRule(logicalId)) {
            return "AWS::Events::Rule";
        }
        Map<String, Object> target = template.resources().get(logicalId);
        if (target == null) {
            throw new TemplateException(resource, property, "refers to " + logicalId + ", which is not a resource of the template");
        }
        return String.valueOf(target.get("Type"));
    }

    /** SAM creates a rule {@code <Function><Event>} per EventBridgeRule event; other resources may refer to it. */
    private boolean isGeneratedRule(String logicalId) {
        return template.rules().stream().anyMatch(rule -> rule.ruleLogicalId().equals(logicalId));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> declaredParameters() {
        Object section = template.document().get("Parameters");
        return section instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** A value given for a parameter must meet the parameter's AllowedPattern and AllowedValues, as CloudFormation checks. */
    private void check(String name, String value) {
        Object declaration = declaredParameters().get(name);
        if (!(declaration instanceof Map<?, ?> parameter)) {
            return;
        }
        Object pattern = parameter.get("AllowedPattern");
        if (pattern != null && !Pattern.compile(String.valueOf(pattern)).matcher(value).matches()) {
            Object constraint = parameter.get("ConstraintDescription");
            throw new TemplateException("Parameters", name, "value '" + value + "' does not match its AllowedPattern "
                    + pattern + (constraint == null ? "" : " (" + constraint + ")"));
        }
        Object allowed = parameter.get("AllowedValues");
        if (allowed instanceof List<?> values && values.stream().map(String::valueOf).noneMatch(value::equals)) {
            throw new TemplateException("Parameters", name, "value '" + value + "' is not one of its AllowedValues " + values);
        }
    }
}
