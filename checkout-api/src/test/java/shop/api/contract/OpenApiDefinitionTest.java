package shop.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import shop.template.SamTemplate;

/**
 * template.yaml's HttpApi serves this module's openapi.yaml: its inline {@code DefinitionBody} is exactly the part of
 * the document that API Gateway reads (each operation's id, security and integration), and the functions' HttpApi
 * events (which give SAM the Lambda permissions and the local runtime its routes) name the same routes.
 *
 * <p>The body is inline, not an {@code AWS::Include} of the file: cfn-lint's SAM transform cannot resolve an include,
 * and SAM merges the HttpApi's {@code Auth} only into a body it can read.
 */
class OpenApiDefinitionTest {

    private static final String API = "CheckoutApi";
    /** What API Gateway reads of an operation; schemas and responses are for clients, HTTP APIs ignore them. */
    private static final List<String> SERVED_KEYS =
            List.of("operationId", "security", "x-amazon-apigateway-integration");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    private final SamTemplate template = SamTemplate.load(SamTemplate.locateConfigured());
    private final Map<String, Object> document = OpenApiDocument.tree();

    @Test
    void theHttpApiDefinitionIsTheServedPartOfTheDocument() {
        Object definition = map(template.resource(API).get("Properties")).get("DefinitionBody");

        assertThat(definition)
                .as("template.yaml %s.DefinitionBody; expected (paste it there):%n%s", API, servedPart())
                .isEqualTo(servedPart());
    }

    @Test
    void theFunctionsRoutesOnTheApiAreTheDocumentsRoutes() {
        Set<String> events = new TreeSet<>();
        template.functions().forEach(function -> {
            Map<String, Object> declared =
                    map(map(template.resource(function.logicalId()).get("Properties"))
                            .getOrDefault("Events", Map.of()));
            function.routes().forEach(route -> {
                Object apiId = map(map(declared.get(route.eventName())).get("Properties"))
                        .get("ApiId");
                if (SamTemplate.referencedId(apiId).filter(API::equals).isPresent()) {
                    events.add(route.method().toUpperCase() + " " + route.path());
                }
            });
        });
        Set<String> described = new TreeSet<>();
        map(document.get("paths"))
                .forEach((path, item) -> map(item).keySet().stream()
                        .filter(METHODS::contains)
                        .forEach(method -> described.add(method.toUpperCase() + " " + path)));

        assertThat(events)
                .as("HttpApi events on %s vs the document's operations", API)
                .isNotEmpty()
                .isEqualTo(described);
    }

    @Test
    void theDocumentsSecuritySchemeIsTheApisAuthorizer() {
        Map<String, Object> auth =
                map(map(template.resource(API).get("Properties")).get("Auth"));
        Map<String, Object> schemes = map(map(document.get("components")).get("securitySchemes"));

        assertThat(schemes).containsOnlyKeys(String.valueOf(auth.get("DefaultAuthorizer")));
        assertThat(map(auth.get("Authorizers"))).containsKey(String.valueOf(auth.get("DefaultAuthorizer")));
        assertThat(map(schemes.values().iterator().next()))
                .containsEntry("scheme", "bearer")
                .containsEntry("bearerFormat", "JWT");
    }

    /** The document cut down to what the template must carry, in the template's key order. */
    private Map<String, Object> servedPart() {
        Map<String, Object> info = map(document.get("info"));
        Map<String, Object> paths = new LinkedHashMap<>();
        map(document.get("paths")).forEach((path, item) -> {
            Map<String, Object> operations = new LinkedHashMap<>();
            map(item).forEach((method, operation) -> {
                if (METHODS.contains(method)) {
                    Map<String, Object> served = new LinkedHashMap<>();
                    SERVED_KEYS.forEach(key -> served.put(key, map(operation).get(key)));
                    served.put("responses", Map.of()); // OpenAPI requires the key; API Gateway ignores its content
                    operations.put(method, served);
                }
            });
            paths.put(path, operations);
        });
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("openapi", document.get("openapi"));
        part.put("info", Map.of("title", info.get("title"), "version", info.get("version")));
        part.put("paths", paths);
        return part;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
