package shop.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * This module's {@code openapi.yaml}: as a YAML tree, and its schemas compiled in the document's own dialect (OpenAPI
 * 3.0: JSON Schema draft 4 rules plus {@code nullable}), with formats asserted as checkout asserts them. Thread-safe.
 */
final class OpenApiDocument {

    /** Surefire and failsafe run in the module folder, where the document lives. */
    static final Path FILE = Path.of("openapi.yaml").toAbsolutePath();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(OpenApi30.getInstance())
                    .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private OpenApiDocument() {}

    /** The schema at {@code #/components/schemas/<name>}, its {@code $ref}s resolved within the document. */
    static JsonSchema schema(String name) {
        return schemaAt("/components/schemas/" + name);
    }

    /** The schema at a JSON Pointer into the document, e.g. a parameter's {@code /components/parameters/X/schema}. */
    static JsonSchema schemaAt(String pointer) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(FILE.toUri() + "#" + pointer), CONFIG);
        schema.initializeValidators(); // resolve every $ref now: a broken one fails here, not on the first body
        return schema;
    }

    /** Whether {@code body} is valid against the schema {@code name}. */
    static boolean valid(JsonSchema schema, JsonNode body) {
        return schema.validate(body).isEmpty();
    }

    /** The document as plain maps and lists, the way a YAML reader sees it. */
    static Map<String, Object> tree() {
        try (Reader yaml = Files.newBufferedReader(FILE)) {
            return new Yaml(new LoaderOptions()).load(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
    }

    /** Violations of {@code body} against {@code schema}, for assertion messages. */
    static List<String> violations(JsonSchema schema, JsonNode body) {
        return schema.validate(body).stream().map(Object::toString).toList();
    }
}
