package shop.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Comparator;
import java.util.List;

/**
 * A compiled JSON Schema (draft 2020-12, formats asserted) that reports every violation by JSON path.
 *
 * <p>Used at both ends: checkout checks what it emits against the producer schema, each consumer checks what it
 * receives against its own contract. Thread-safe once built.
 */
public final class SchemaCheck {

    private final String name;
    private final JsonSchema schema;

    private SchemaCheck(String name, JsonSchema schema) {
        this.name = name;
        this.schema = schema;
    }

    /** Loads a schema from the classpath of {@code anchor}; fails at start-up, not at the first event, if absent. */
    public static SchemaCheck fromClasspath(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Schema " + resource + " is not on the classpath of " + anchor.getName());
            }
            return compile(resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + resource, e);
        }
    }

    /**
     * Loads a schema from one exact place, e.g. inside one module's jar when several modules that each ship a resource
     * of the same name share a class path (system checks, local runtime), where the class path would pick the first.
     */
    public static SchemaCheck fromUrl(URL location) {
        try (InputStream in = location.openStream()) {
            return compile(location.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + location, e);
        }
    }

    private static SchemaCheck compile(String name, InputStream in) throws IOException {
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(EventJson.mapper().readTree(in), config);
        return new SchemaCheck(name, schema);
    }

    /** The producer schema of a published OrderCreated version. */
    public static SchemaCheck producer(String version) {
        return fromClasspath(SchemaCheck.class, OrderCreatedEvent.schemaResource(version));
    }

    /**
     * Every violation, sorted; empty when valid. Each names its place as a JSON Pointer, e.g. {@code "/customer:
     * required property 'email' not found"} or {@code "/items/0/quantity: must have a minimum value of 1"}.
     */
    public List<String> violations(JsonNode document) {
        return schema.validate(document).stream()
                .map(SchemaCheck::describe)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    /** Where the schema came from, for error messages. */
    public String name() {
        return name;
    }

    private static String describe(ValidationMessage message) {
        // networknt already puts the JSON Pointer of the failing place in front; its wording names the field.
        return message.getMessage();
    }
}
