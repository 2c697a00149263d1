package shop.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of {@code template.yaml} that tools need: functions with their rules, routes and retry settings, tables and
 * raw resources. Built once from the file; every tool reads the template through it so none restates it.
 */
public final class SamTemplate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> document;
    private final Map<String, Map<String, Object>> resources;
    private final List<FunctionResource> functions;
    private final List<TableResource> tables;
    private final Map<String, Map<String, Object>> parameters;

    private SamTemplate(Map<String, Object> document) {
        this.document = document;
        this.resources = resourcesOf(document);
        Map<String, Map<String, Object>> declared = new LinkedHashMap<>();
        map(document.get("Parameters"), "Parameters", "section")
                .forEach((name, parameter) -> declared.put(name, map(parameter, "Parameters", name)));
        this.parameters = Collections.unmodifiableMap(declared);
        Map<String, Object> globals =
                map(map(document.get("Globals"), "Globals", "section").get("Function"), "Globals", "Function");
        List<FunctionResource> found = new ArrayList<>();
        List<TableResource> foundTables = new ArrayList<>();
        resources.forEach((id, resource) -> {
            String type = string(resource.get("Type"), id, "Type");
            Map<String, Object> properties = map(resource.get("Properties"), id, "Properties");
            switch (type) {
                case "AWS::Serverless::Function" -> found.add(function(id, globals, properties));
                case "AWS::DynamoDB::Table" -> foundTables.add(table(id, properties));
                default -> {}
            }
        });
        this.functions = List.copyOf(found);
        this.tables = List.copyOf(foundTables);
    }

    /** Reads and models a template file. */
    public static SamTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Models a template given as text. */
    public static SamTemplate parse(Reader yaml) {
        return new SamTemplate(CloudFormationYaml.parse(yaml));
    }

    /** The system property a build sets to the template's path (e.g. failsafe's {@code systemPropertyVariables}). */
    public static final String PATH_PROPERTY = "template.path";

    /**
     * The template the {@value #PATH_PROPERTY} system property names, or else the one {@link #locate} finds from the
     * working directory: a test run by Maven gets the build's, one run from an IDE the repository's.
     *
     * @throws IllegalStateException if the property names no file, or no template is found
     */
    public static Path locateConfigured() {
        String configured = System.getProperty(PATH_PROPERTY);
        if (configured == null) {
            return locate(Path.of(""));
        }
        Path file = Path.of(configured);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "System property " + PATH_PROPERTY + " names " + file.toAbsolutePath() + ", which is not a file");
        }
        return file;
    }

    /** Finds the repository's {@code template.yaml} from {@code start} or one of its parents. */
    public static Path locate(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No template.yaml in " + start.toAbsolutePath() + " or its parents");
    }

    public List<FunctionResource> functions() {
        return functions;
    }

    /** The function with this logical id. */
    public FunctionResource function(String logicalId) {
        return functions.stream()
                .filter(f -> f.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new TemplateException(
                        logicalId, "Type", "is not an AWS::Serverless::Function in the template"));
    }

    public List<TableResource> tables() {
        return tables;
    }

    /** Every rule of every function, in template order. */
    public List<EventRule> rules() {
        return functions.stream().flatMap(f -> f.rules().stream()).toList();
    }

    /** Logical ids of resources of one CloudFormation or SAM type, in template order. */
    public List<String> resourcesOfType(String type) {
        return resources.entrySet().stream()
                .filter(e -> type.equals(e.getValue().get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** One resource as parsed, intrinsics in long form. */
    public Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = resources.get(logicalId);
        if (resource == null) {
            throw new TemplateException(logicalId, "Type", "is not a resource of the template");
        }
        return resource;
    }

    /** All resources by logical id, in template order. */
    public Map<String, Map<String, Object>> resources() {
        return resources;
    }

    /** The whole document, for checks that need what the model leaves out. */
    public Map<String, Object> document() {
        return document;
    }

    /** The declared parameters by name, each as written ({@code Type}, {@code Default}, constraints). */
    public Map<String, Map<String, Object>> parameters() {
        return parameters;
    }

    /** The default value of a template parameter, when it has one. */
    public Optional<String> parameterDefault(String name) {
        return Optional.ofNullable(parameters.get(name))
                .map(parameter -> parameter.get("Default"))
                .map(String::valueOf);
    }

    /** If {@code value} is {@code {Ref: X}} or {@code {Fn::GetAtt: [X, ...]}}, the logical id X. */
    public static Optional<String> referencedId(Object value) {
        if (value instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
            Object ref = intrinsic.get("Ref");
            if (ref instanceof String id) {
                return Optional.of(id);
            }
            if (intrinsic.get("Fn::GetAtt") instanceof List<?> att && !att.isEmpty()) {
                return Optional.of(String.valueOf(att.get(0)));
            }
        }
        return Optional.empty();
    }

    private static FunctionResource function(String id, Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> properties = new LinkedHashMap<>(globals);
        properties.putAll(own);
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.putAll(variables(globals, id));
        environment.putAll(variables(own, id));

        List<EventRule> rules = new ArrayList<>();
        List<HttpRoute> routes = new ArrayList<>();
        map(own.get("Events"), id, "Events").forEach((name, raw) -> {
            Map<String, Object> event = map(raw, id, "Events." + name);
            String type = string(event.get("Type"), id, "Events." + name + ".Type");
            Map<String, Object> props = map(event.get("Properties"), id, "Events." + name + ".Properties");
            switch (type) {
                case "EventBridgeRule" -> rules.add(rule(id, name, props));
                case "HttpApi" ->
                    routes.add(new HttpRoute(
                            name,
                            string(props.get("Method"), id, "Events." + name + ".Properties.Method")
                                    .toUpperCase(),
                            string(props.get("Path"), id, "Events." + name + ".Properties.Path")));
                default -> {}
            }
        });

        Optional<AsyncInvokeConfig> async = Optional.ofNullable(own.get("EventInvokeConfig"))
                .map(raw -> asyncConfig(id, map(raw, id, "EventInvokeConfig")));

        Object policies = properties.get("Policies");
        return new FunctionResource(
                id,
                string(properties.get("CodeUri"), id, "CodeUri"),
                string(properties.get("Handler"), id, "Handler"),
                string(properties.get("Runtime"), id, "Runtime"),
                integer(properties.getOrDefault("MemorySize", 128), id, "MemorySize"),
                integer(properties.getOrDefault("Timeout", 3), id, "Timeout"),
                Map.copyOf(environment),
                List.copyOf(rules),
                List.copyOf(routes),
                async,
                policies instanceof List<?> list ? List.copyOf(list) : List.of());
    }

    private static Map<String, Object> variables(Map<String, Object> properties, String id) {
        Map<String, Object> environment = map(properties.get("Environment"), id, "Environment");
        return map(environment.get("Variables"), id, "Environment.Variables");
    }

    private static EventRule rule(String function, String name, Map<String, Object> props) {
        String where = "Events." + name + ".Properties";
        Map<String, Object> pattern = map(props.get("Pattern"), function, where + ".Pattern");
        if (pattern.isEmpty()) {
            throw new TemplateException(
                    function, where + ".Pattern", "is missing: a rule without a pattern matches nothing");
        }
        Map<String, Object> retry = map(props.get("RetryPolicy"), function, where + ".RetryPolicy");
        Map<String, Object> deadLetter = map(props.get("DeadLetterConfig"), function, where + ".DeadLetterConfig");
        try {
            return new EventRule(
                    function,
                    name,
                    props.get("EventBusName"),
                    pattern,
                    JSON.writeValueAsString(pattern),
                    integer(
                            retry.getOrDefault("MaximumRetryAttempts", 185),
                            function,
                            where + ".RetryPolicy.MaximumRetryAttempts"),
                    integer(
                            retry.getOrDefault("MaximumEventAgeInSeconds", 86400),
                            function,
                            where + ".RetryPolicy.MaximumEventAgeInSeconds"),
                    Optional.ofNullable(deadLetter.get("Arn")));
        } catch (JsonProcessingException e) {
            throw new TemplateException(
                    function, where + ".Pattern", "cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private static AsyncInvokeConfig asyncConfig(String id, Map<String, Object> config) {
        Map<String, Object> destinations =
                map(config.get("DestinationConfig"), id, "EventInvokeConfig.DestinationConfig");
        Map<String, Object> onFailure =
                map(destinations.get("OnFailure"), id, "EventInvokeConfig.DestinationConfig.OnFailure");
        return new AsyncInvokeConfig(
                integer(config.getOrDefault("MaximumRetryAttempts", 2), id, "EventInvokeConfig.MaximumRetryAttempts"),
                integer(
                        config.getOrDefault("MaximumEventAgeInSeconds", 21600),
                        id,
                        "EventInvokeConfig.MaximumEventAgeInSeconds"),
                Optional.ofNullable(onFailure.get("Destination")));
    }

    private static TableResource table(String id, Map<String, Object> properties) {
        String hash = null;
        String range = null;
        Object keySchema = properties.get("KeySchema");
        if (!(keySchema instanceof List<?> keys) || keys.isEmpty()) {
            throw new TemplateException(id, "KeySchema", "is missing or empty");
        }
        for (Object raw : keys) {
            Map<String, Object> key = map(raw, id, "KeySchema");
            String name = string(key.get("AttributeName"), id, "KeySchema.AttributeName");
            switch (string(key.get("KeyType"), id, "KeySchema.KeyType")) {
                case "HASH" -> hash = name;
                case "RANGE" -> range = name;
                default -> throw new TemplateException(id, "KeySchema.KeyType", "must be HASH or RANGE");
            }
        }
        if (hash == null) {
            throw new TemplateException(id, "KeySchema", "has no HASH key");
        }
        Map<String, Object> ttl = map(properties.get("TimeToLiveSpecification"), id, "TimeToLiveSpecification");
        return new TableResource(
                id,
                hash,
                Optional.ofNullable(range),
                Boolean.TRUE.equals(ttl.get("Enabled"))
                        ? Optional.ofNullable((String) ttl.get("AttributeName"))
                        : Optional.empty());
    }

    private static Map<String, Map<String, Object>> resourcesOf(Map<String, Object> document) {
        Map<String, Object> raw = map(document.get("Resources"), "Resources", "section");
        if (raw.isEmpty()) {
            throw new TemplateException("Resources", "section", "is missing or empty");
        }
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        raw.forEach((id, resource) -> resources.put(id, map(resource, id, "definition")));
        return resources;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String resource, String property) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new TemplateException(resource, property, "must be a mapping, found " + describe(value));
    }

    private static String string(Object value, String resource, String property) {
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw new TemplateException(
                resource, property, value == null ? "is missing" : "must be a string, found " + describe(value));
    }

    private static int integer(Object value, String resource, String property) {
        if (value instanceof Integer number) {
            return number;
        }
        if (value instanceof String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new TemplateException(resource, property, "must be a whole number, found '" + text + "'");
            }
        }
        throw new TemplateException(resource, property, "must be a whole number, found " + describe(value));
    }

    private static String describe(Object value) {
        return value instanceof Map ? "a mapping" : value instanceof List ? "a list" : "'" + value + "'";
    }
}
