package shop.local.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import shop.local.dynamodb.DynamoDbService.TableDefinition;
import shop.template.AsyncInvokeConfig;
import shop.template.EventRule;
import shop.template.FunctionResource;
import shop.template.HttpRoute;
import shop.template.SamTemplate;
import shop.template.TemplateException;
import software.amazon.event.ruler.Machine;

/**
 * What the template deploys, resolved for one machine: functions with their code folder and environment, the buses with
 * their subscriptions, the HTTP routes and the tables. Reading it is the runtime's whole knowledge of the system;
 * whatever the runtime would have to guess at fails here, naming the resource and property.
 *
 * @param template the template as read once, for whoever draws the system (the live view's map)
 */
public record Deployment(
        Path templateFile,
        SamTemplate template,
        String region,
        List<Function> functions,
        List<String> buses,
        List<Subscription> subscriptions,
        List<Route> routes,
        List<TableDefinition> tables,
        List<String> notEmulated) {

    /** The bus EventBridge uses when an entry or rule names none. */
    public static final String DEFAULT_BUS = "default";

    /** Variables Lambda sets itself; a template may not set them, and locally they point at the stand-in. */
    private static final Set<String> RESERVED_VARIABLES = Set.of(
            "AWS_REGION",
            "AWS_DEFAULT_REGION",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_ENDPOINT_URL",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_EXECUTION_ENV",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    private static final Set<String> RULE_PROPERTIES =
            Set.of("Pattern", "EventBusName", "RetryPolicy", "DeadLetterConfig", "RuleName", "State", "Target");
    private static final Set<String> EMULATED_TYPES = Set.of(
            "AWS::Serverless::Function", "AWS::Serverless::HttpApi", "AWS::Events::EventBus", "AWS::DynamoDB::Table");

    /**
     * A function as deployed.
     *
     * @param arn the function's ARN, as {@code !GetAtt Function.Arn} resolves it
     * @param code the CodeUri folder, resolved against the template's folder
     * @param environment the template's variables, resolved (the runtime adds the AWS ones)
     * @param retries asynchronous invocation retries after the first attempt (EventInvokeConfig, or Lambda's 2)
     */
    public record Function(
            FunctionResource resource, String arn, Path code, Map<String, String> environment, int retries) {
        public String name() {
            return resource.logicalId();
        }
    }

    /** A rule: the pattern it matches on its bus, and the function it invokes. */
    public record Subscription(String rule, String bus, String patternJson, String function) {}

    /**
     * An HTTP API route and the function behind it; {@code authorizer} names a JWT authorizer the runtime does not
     * enforce.
     */
    public record Route(String api, String method, String path, String function, Optional<String> authorizer) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** Reads {@code template} as deployed locally with {@code parameters} in {@code region}. */
    public static Deployment of(
            SamTemplate template, Path templateFile, Map<String, String> parameters, String region) {
        Intrinsics intrinsics = new Intrinsics(template, parameters, region);
        Path folder = templateFile.toAbsolutePath().getParent();

        List<String> buses = new ArrayList<>(List.of(DEFAULT_BUS));
        buses.addAll(template.resourcesOfType("AWS::Events::EventBus"));

        List<Function> functions = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        for (FunctionResource function : template.functions()) {
            String id = function.logicalId();
            if (!function.runtime().startsWith("java")) {
                throw new TemplateException(
                        id, "Runtime", "is " + function.runtime() + "; the local runtime runs Java functions only");
            }
            checkEventTypes(template, id);
            Map<String, String> environment = new LinkedHashMap<>();
            function.environment().forEach((name, value) -> {
                if (RESERVED_VARIABLES.contains(name)) {
                    throw new TemplateException(
                            id, "Environment.Variables." + name, "is reserved: Lambda (and the local runtime) sets it");
                }
                environment.put(name, intrinsics.resolve(value, id, "Environment.Variables." + name));
            });
            functions.add(new Function(
                    function,
                    intrinsics.arn(id),
                    folder.resolve(function.codeUri()).normalize(),
                    environment,
                    retries(template, function)));
            for (EventRule rule : function.rules()) {
                subscription(template, intrinsics, rule, buses).ifPresent(subscriptions::add);
            }
            for (HttpRoute route : function.routes()) {
                routes.add(route(template, id, route));
            }
        }
        List<String> notEmulated = new ArrayList<>();
        template.resources().forEach((id, resource) -> {
            String type = String.valueOf(resource.get("Type"));
            if (!EMULATED_TYPES.contains(type)) {
                notEmulated.add(id + " (" + type + ")");
            }
        });
        return new Deployment(
                templateFile,
                template,
                region,
                List.copyOf(functions),
                List.copyOf(buses),
                List.copyOf(subscriptions),
                List.copyOf(routes),
                tables(template),
                List.copyOf(notEmulated));
    }

    /** The function with this logical id. */
    public Function function(String name) {
        return functions.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No function " + name + " in " + templateFile));
    }

    private static void checkEventTypes(SamTemplate template, String id) {
        Map<String, Object> events = map(properties(template, id).get("Events"));
        events.forEach((name, raw) -> {
            Map<String, Object> event = map(raw);
            Object type = event.get("Type");
            if (!"HttpApi".equals(type) && !"EventBridgeRule".equals(type)) {
                throw new TemplateException(
                        id,
                        "Events." + name + ".Type",
                        "is " + type + "; the local runtime emulates HttpApi and EventBridgeRule events only");
            }
            Map<String, Object> props = map(event.get("Properties"));
            if ("EventBridgeRule".equals(type)) {
                for (String property : props.keySet()) {
                    if (!RULE_PROPERTIES.contains(property)) {
                        throw new TemplateException(
                                id,
                                "Events." + name + ".Properties." + property,
                                "is not emulated by the local runtime (it delivers the whole"
                                        + " event, as a rule without it does)");
                    }
                }
            }
            if ("HttpApi".equals(type)
                    && props.containsKey("PayloadFormatVersion")
                    && !"2.0".equals(String.valueOf(props.get("PayloadFormatVersion")))) {
                throw new TemplateException(
                        id,
                        "Events." + name + ".Properties.PayloadFormatVersion",
                        "is " + props.get("PayloadFormatVersion")
                                + "; the local runtime speaks payload format 2.0 only");
            }
        });
    }

    private static int retries(SamTemplate template, FunctionResource function) {
        AsyncInvokeConfig config = function.asyncInvoke().orElse(AsyncInvokeConfig.LAMBDA_DEFAULT);
        if (config.maximumRetryAttempts() < 0 || config.maximumRetryAttempts() > 2) {
            throw new TemplateException(
                    function.logicalId(),
                    "EventInvokeConfig.MaximumRetryAttempts",
                    "is " + config.maximumRetryAttempts() + "; Lambda allows 0 to 2");
        }
        Map<String, Object> destinations =
                map(map(properties(template, function.logicalId()).get("EventInvokeConfig"))
                        .get("DestinationConfig"));
        if (destinations.containsKey("OnSuccess")) {
            throw new TemplateException(
                    function.logicalId(),
                    "EventInvokeConfig.DestinationConfig.OnSuccess",
                    "is not emulated by the local runtime (OnFailure goes to the local dead-letter store)");
        }
        return config.maximumRetryAttempts();
    }

    private static Optional<Subscription> subscription(
            SamTemplate template, Intrinsics intrinsics, EventRule rule, List<String> buses) {
        String where = "Events." + rule.eventName() + ".Properties";
        Map<String, Object> props =
                map(map(map(properties(template, rule.functionLogicalId()).get("Events"))
                                .get(rule.eventName()))
                        .get("Properties"));
        if ("DISABLED".equals(props.get("State"))) {
            return Optional.empty();
        }
        String bus = rule.busName() == null
                ? DEFAULT_BUS
                : intrinsics.resolve(rule.busName(), rule.functionLogicalId(), where + ".EventBusName");
        String name = bus.contains(":event-bus/") ? bus.substring(bus.lastIndexOf('/') + 1) : bus;
        if (!buses.contains(name)) {
            throw new TemplateException(
                    rule.functionLogicalId(),
                    where + ".EventBusName",
                    "names bus '" + bus + "', which is neither 'default' nor an AWS::Events::EventBus of the template");
        }
        try {
            Machine.builder().build().addRule(rule.ruleLogicalId(), rule.patternJson());
        } catch (Exception | Error e) {
            // event-ruler says what it cannot read (an unknown operator, a malformed value); we add where it is.
            throw new TemplateException(
                    rule.functionLogicalId(), where + ".Pattern", "is not a valid event pattern: " + e.getMessage());
        }
        return Optional.of(new Subscription(rule.ruleLogicalId(), name, rule.patternJson(), rule.functionLogicalId()));
    }

    private static Route route(SamTemplate template, String function, HttpRoute route) {
        Map<String, Object> props =
                map(map(map(properties(template, function).get("Events")).get(route.eventName()))
                        .get("Properties"));
        String api = SamTemplate.referencedId(props.get("ApiId")).orElse("ServerlessHttpApi");
        if (props.containsKey("ApiId")
                && !template.resourcesOfType("AWS::Serverless::HttpApi").contains(api)) {
            throw new TemplateException(
                    function,
                    "Events." + route.eventName() + ".Properties.ApiId",
                    "must refer to an AWS::Serverless::HttpApi of the template");
        }
        Optional<String> authorizer = Optional.empty();
        if (template.resources().containsKey(api)) {
            Map<String, Object> auth = map(properties(template, api).get("Auth"));
            Object routeAuth = map(props.get("Auth")).get("Authorizer");
            Object chosen = routeAuth != null ? routeAuth : auth.get("DefaultAuthorizer");
            if (chosen != null && !"NONE".equals(chosen)) {
                authorizer = Optional.of(String.valueOf(chosen));
            }
        }
        return new Route(api, route.method(), route.path(), function, authorizer);
    }

    private static List<TableDefinition> tables(SamTemplate template) {
        List<TableDefinition> tables = new ArrayList<>();
        template.tables().forEach(table -> {
            Map<String, String> declared = new LinkedHashMap<>();
            Object definitions = properties(template, table.logicalId()).get("AttributeDefinitions");
            if (definitions instanceof List<?> list) {
                list.forEach(raw -> {
                    Map<String, Object> definition = map(raw);
                    declared.put(
                            String.valueOf(definition.get("AttributeName")),
                            String.valueOf(definition.get("AttributeType")));
                });
            }
            Map<String, String> keys = new LinkedHashMap<>();
            List<String> keyNames = new ArrayList<>(List.of(table.hashKey()));
            table.rangeKey().ifPresent(keyNames::add);
            for (String key : keyNames) {
                String type = declared.get(key);
                if (type == null || !Set.of("S", "N", "B").contains(type)) {
                    throw new TemplateException(
                            table.logicalId(),
                            "AttributeDefinitions",
                            "must declare key attribute " + key + " with AttributeType S, N or B");
                }
                keys.put(key, type);
            }
            tables.add(new TableDefinition(table.logicalId(), keys));
        });
        return List.copyOf(tables);
    }

    private static Map<String, Object> properties(SamTemplate template, String id) {
        return map(template.resource(id).get("Properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
