package shop.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves template values as CloudFormation would for one stack: {@code Ref} of a parameter is its given value or
 * {@code Default}, of a pseudo parameter the stack's, of a resource what CloudFormation returns for its type (a name, a
 * queue's URL, a topic's ARN); {@code Fn::GetAtt}, {@code Fn::Sub} (both forms) and {@code Fn::Join} build on those.
 * The caller says only how resources are named ({@link ResourceNames}); anything this cannot resolve fails, naming the
 * resource and property that used it. Immutable, so thread-safe.
 */
public final class IntrinsicResolver {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final List<String> LIST_TYPES = List.of("CommaDelimitedList", "List<Number>", "List<String>");
    /** The property holding the name a resource may set for itself, by type. */
    private static final Map<String, String> NAME_PROPERTIES = Map.of(
            "AWS::Events::EventBus", "Name",
            "AWS::Events::Rule", "Name",
            "AWS::DynamoDB::Table", "TableName",
            "AWS::SQS::Queue", "QueueName",
            "AWS::SNS::Topic", "TopicName",
            "AWS::Serverless::Function", "FunctionName",
            "AWS::Lambda::Function", "FunctionName");

    private final SamTemplate template;
    private final PseudoParameters stack;
    private final ParameterValues parameters;
    private final ResourceNames names;

    /** Fails, naming the parameter, when a value is given for an undeclared parameter or breaks its constraints. */
    public IntrinsicResolver(
            SamTemplate template, PseudoParameters stack, ParameterValues parameters, ResourceNames names) {
        this.template = template;
        this.stack = stack;
        this.parameters = parameters;
        this.names = names;
        parameters.given().forEach((name, value) -> {
            Map<String, Object> declaration = template.parameters().get(name);
            if (declaration == null) {
                throw new TemplateException(
                        "Parameters", name, "is given a value but the template declares no such parameter");
            }
            check(name, declaration, value);
        });
    }

    public PseudoParameters stack() {
        return stack;
    }

    /** The value as a string, resolved; {@code resource} and {@code property} say where it came from, for errors. */
    public String resolve(Object value, String resource, String property) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
            Map.Entry<?, ?> entry = intrinsic.entrySet().iterator().next();
            String function = String.valueOf(entry.getKey());
            Object argument = entry.getValue();
            Where where = new Where(resource, property);
            return switch (function) {
                case "Ref" -> ref(text(argument, function, where), where);
                case "Fn::GetAtt" -> getAtt(argument, where);
                case "Fn::Sub" -> sub(argument, where);
                case "Fn::Join" -> join(argument, where);
                default ->
                    throw new TemplateException(
                            resource,
                            property,
                            "uses " + function
                                    + ", which is not resolved here (Ref, Fn::GetAtt, Fn::Sub and Fn::Join are)");
            };
        }
        throw new TemplateException(
                resource,
                property,
                "must be a string or an intrinsic function, found "
                        + (value == null ? "nothing" : value instanceof List ? "a list" : "a mapping"));
    }

    /** A function's variables as the template declares them, each resolved. */
    public Map<String, String> environmentOf(FunctionResource function) {
        Map<String, String> resolved = new LinkedHashMap<>();
        function.environment()
                .forEach((name, raw) ->
                        resolved.put(name, resolve(raw, function.logicalId(), "Environment.Variables." + name)));
        return resolved;
    }

    /** A parameter's value: as given, else its {@code Default}; fails with the advice of {@link ParameterValues}. */
    public String parameter(String name) {
        if (!template.parameters().containsKey(name)) {
            throw new TemplateException("Parameters", name, "is not declared by the template");
        }
        return parameter(name, new Where("Parameters", name));
    }

    /** The physical name of a resource, as {@link ResourceNames} gives it. */
    public String nameOf(String logicalId) {
        return names.nameOf(logicalId, typeOf(logicalId, new Where(logicalId, "Type")), this);
    }

    /** The ARN of a resource, built from its physical name and the stack's partition, region and account. */
    public String arnOf(String logicalId) {
        return attribute(logicalId, "Arn", new Where(logicalId, "Arn"));
    }

    /**
     * The name a resource sets for itself ({@code Name}, {@code TableName}, {@code QueueName}, ...), resolved; empty
     * when it sets none and CloudFormation would generate one.
     */
    public Optional<String> declaredName(String logicalId) {
        String property = NAME_PROPERTIES.get(typeOf(logicalId, new Where(logicalId, "Type")));
        Map<String, Object> resource = template.resources().get(logicalId);
        if (property == null
                || resource == null
                || !(resource.get("Properties") instanceof Map<?, ?> properties)
                || properties.get(property) == null) {
            return Optional.empty();
        }
        return Optional.of(resolve(properties.get(property), logicalId, property));
    }

    /**
     * The template names (parameters and resources) {@code value} refers to through {@code Ref}, {@code Fn::GetAtt} or
     * the variables of {@code Fn::Sub}, however deeply nested; pseudo parameters are not names of the template.
     */
    public static Set<String> references(Object value) {
        Set<String> names = new LinkedHashSet<>();
        collectReferences(value, names);
        return names;
    }

    private static void collectReferences(Object value, Set<String> names) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                switch (String.valueOf(key)) {
                    case "Ref" -> addReference(String.valueOf(inner), names);
                    case "Fn::GetAtt" ->
                        addReference(
                                inner instanceof List<?> parts && !parts.isEmpty()
                                        ? String.valueOf(parts.get(0))
                                        : beforeDot(String.valueOf(inner)),
                                names);
                    case "Fn::Sub" -> subReferences(inner, names);
                    default -> collectReferences(inner, names);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, names));
        }
    }

    private static void subReferences(Object argument, Set<String> names) {
        // The list form's own variables are not template names; their values may refer to some.
        Object text = argument instanceof List<?> parts && !parts.isEmpty() ? parts.get(0) : argument;
        Map<?, ?> variables =
                argument instanceof List<?> parts && parts.size() > 1 && parts.get(1) instanceof Map<?, ?> given
                        ? given
                        : Map.of();
        Matcher matcher = SUB_VARIABLE.matcher(String.valueOf(text));
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!name.startsWith("!") && !variables.containsKey(name)) {
                addReference(name.startsWith("AWS::") ? name : beforeDot(name), names);
            }
        }
        collectReferences(variables, names);
    }

    private static String beforeDot(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static void addReference(String name, Set<String> names) {
        if (!name.startsWith("AWS::")) {
            names.add(name);
        }
    }

    private String ref(String name, Where where) {
        Optional<String> pseudo = stack.value(name);
        if (pseudo.isPresent()) {
            return pseudo.get();
        }
        if (name.startsWith("AWS::")) {
            throw where.fail("refers to pseudo parameter " + name + ", which is not resolved here");
        }
        if (template.parameters().containsKey(name)) {
            return parameter(name, where);
        }
        if (isResource(name)) {
            String type = typeOf(name, where);
            return switch (type) {
                case "AWS::SQS::Queue" -> attribute(name, "QueueUrl", where);
                case "AWS::SNS::Topic" -> attribute(name, "Arn", where);
                default -> names.nameOf(name, type, this);
            };
        }
        throw where.fail("refers to " + name + ", which is neither a parameter nor a resource");
    }

    private String parameter(String name, Where where) {
        String given = parameters.given().get(name);
        if (given != null) {
            return given;
        }
        Object fallback = template.parameters().get(name).get("Default");
        if (fallback != null) {
            return String.valueOf(fallback);
        }
        throw where.fail("refers to parameter " + name + ", which has no Default: "
                + parameters.howToGive().formatted(name));
    }

    private String getAtt(Object argument, Where where) {
        if (argument instanceof String dotted && dotted.indexOf('.') > 0) {
            int dot = dotted.indexOf('.');
            return attribute(dotted.substring(0, dot), dotted.substring(dot + 1), where);
        }
        if (argument instanceof List<?> parts && parts.size() == 2) {
            String attribute = resolve(parts.get(1), where.resource, where.property);
            return attribute(String.valueOf(parts.get(0)), attribute, where);
        }
        throw where.fail("has a malformed Fn::GetAtt: it takes [LogicalId, Attribute]");
    }

    private String attribute(String logicalId, String attribute, Where where) {
        String type = typeOf(logicalId, where);
        String name = names.nameOf(logicalId, type, this);
        String prefix = "arn:" + stack.partition() + ":";
        String place = stack.region() + ":" + stack.accountId() + ":";
        String value = switch (type + "." + attribute) {
            case "AWS::Events::EventBus.Arn" -> prefix + "events:" + place + "event-bus/" + name;
            case "AWS::Events::Rule.Arn" -> prefix + "events:" + place + "rule/" + name;
            case "AWS::DynamoDB::Table.Arn" -> prefix + "dynamodb:" + place + "table/" + name;
            case "AWS::SQS::Queue.Arn", "AWS::SNS::Topic.Arn" -> prefix + service(type) + ":" + place + name;
            case "AWS::SQS::Queue.QueueUrl" ->
                "https://sqs." + stack.region() + "." + stack.urlSuffix() + "/" + stack.accountId() + "/" + name;
            case "AWS::Serverless::Function.Arn", "AWS::Lambda::Function.Arn" ->
                prefix + "lambda:" + place + "function:" + name;
            case "AWS::Events::EventBus.Name",
                    "AWS::Events::Rule.Name",
                    "AWS::SQS::Queue.QueueName",
                    "AWS::SNS::Topic.TopicName" -> name;
            default -> null;
        };
        if (value == null) {
            throw where.fail(
                    "uses Fn::GetAtt " + logicalId + "." + attribute + " (" + type + "), which is not resolved here");
        }
        return value;
    }

    private static String service(String type) {
        return type.equals("AWS::SQS::Queue") ? "sqs" : "sns";
    }

    private String sub(Object argument, Where where) {
        String text;
        Map<?, ?> variables = Map.of();
        if (argument instanceof String plain) {
            text = plain;
        } else if (argument instanceof List<?> parts
                && parts.size() == 2
                && parts.get(0) instanceof String first
                && parts.get(1) instanceof Map<?, ?> given) {
            text = first;
            variables = given;
        } else {
            throw where.fail("has a malformed Fn::Sub: it takes a string, or [String, {Variable: Value}]");
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}"; // ${!Literal} is how Sub writes a literal ${Literal}
            } else if (variables.containsKey(name)) {
                replacement = resolve(variables.get(name), where.resource, where.property);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = attribute(name.substring(0, dot), name.substring(dot + 1), where);
            } else {
                replacement = ref(name, where);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String join(Object argument, Where where) {
        if (!(argument instanceof List<?> parts) || parts.size() != 2 || !(parts.get(0) instanceof String delimiter)) {
            throw where.fail("has a malformed Fn::Join: it takes [Delimiter, [Values]]");
        }
        List<String> values = new ArrayList<>();
        if (parts.get(1) instanceof List<?> items) {
            items.forEach(item -> values.add(resolve(item, where.resource, where.property)));
        } else if (parts.get(1) instanceof Map<?, ?> intrinsic
                && intrinsic.get("Ref") instanceof String name
                && isListParameter(name)) {
            values.addAll(List.of(parameter(name, where).split(",", -1)));
        } else {
            throw where.fail("has a malformed Fn::Join: its values must be a list or a Ref to a list parameter");
        }
        return String.join(delimiter, values);
    }

    private boolean isListParameter(String name) {
        Map<String, Object> declaration = template.parameters().get(name);
        return declaration != null && LIST_TYPES.contains(String.valueOf(declaration.get("Type")));
    }

    private boolean isResource(String logicalId) {
        return template.resources().containsKey(logicalId) || isGeneratedRule(logicalId);
    }

    private String typeOf(String logicalId, Where where) {
        if (isGeneratedRule(logicalId)) {
            return "AWS::Events::Rule";
        }
        Map<String, Object> resource = template.resources().get(logicalId);
        if (resource == null) {
            throw where.fail("refers to " + logicalId + ", which is not a resource of the template");
        }
        return String.valueOf(resource.get("Type"));
    }

    /** SAM creates a rule {@code <Function><Event>} per EventBridgeRule event; other resources may refer to it. */
    private boolean isGeneratedRule(String logicalId) {
        return !template.resources().containsKey(logicalId)
                && template.rules().stream()
                        .anyMatch(rule -> rule.ruleLogicalId().equals(logicalId));
    }

    /** A given value must meet its parameter's constraints, as CloudFormation checks them before deploying. */
    private static void check(String name, Map<String, Object> declaration, String value) {
        Object constraint = declaration.get("ConstraintDescription");
        String because = constraint == null ? "" : " (" + constraint + ")";
        Object pattern = declaration.get("AllowedPattern");
        if (pattern != null
                && !Pattern.compile(String.valueOf(pattern)).matcher(value).matches()) {
            throw new TemplateException(
                    "Parameters", name, "value '" + value + "' does not match its AllowedPattern " + pattern + because);
        }
        if (declaration.get("AllowedValues") instanceof List<?> allowed
                && allowed.stream().map(String::valueOf).noneMatch(value::equals)) {
            throw new TemplateException(
                    "Parameters", name, "value '" + value + "' is not one of its AllowedValues " + allowed);
        }
        if (declaration.get("MinLength") instanceof Number min && value.length() < min.intValue()
                || declaration.get("MaxLength") instanceof Number max && value.length() > max.intValue()) {
            throw new TemplateException(
                    "Parameters",
                    name,
                    "value '" + value + "' is shorter than its MinLength or longer than its MaxLength" + because);
        }
        if ("Number".equals(declaration.get("Type"))) {
            BigDecimal number;
            try {
                number = new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new TemplateException(
                        "Parameters", name, "value '" + value + "' is not a number, as its Type Number requires");
            }
            if (declaration.get("MinValue") instanceof Number min && number.compareTo(decimal(min)) < 0
                    || declaration.get("MaxValue") instanceof Number max && number.compareTo(decimal(max)) > 0) {
                throw new TemplateException(
                        "Parameters", name, "value " + value + " is outside its MinValue and MaxValue" + because);
            }
        }
    }

    private static BigDecimal decimal(Number number) {
        return new BigDecimal(number.toString());
    }

    private String text(Object argument, String function, Where where) {
        if (argument instanceof String text) {
            return text;
        }
        throw where.fail("has a malformed " + function + ": it takes a name");
    }

    /** Where a value sits in the template, for errors. */
    private record Where(String resource, String property) {
        TemplateException fail(String problem) {
            return new TemplateException(resource, property, problem);
        }
    }
}
