package shop.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import shop.template.CloudFormationYaml;

/**
 * A variant of the repository's template.yaml, written to a scratch folder: the real template with one change, and
 * every CodeUri made absolute so the real functions' build output is still found from there.
 */
final class TemplateFixture {

    private final Map<String, Object> document;

    private TemplateFixture(Map<String, Object> document) {
        this.document = document;
    }

    /** The repository's template, ready to change. */
    static TemplateFixture ofRepositoryTemplate() {
        Path template = LocalSystem.template();
        Map<String, Object> document = mutable(parse(template));
        resources(document).values().forEach(resource -> {
            Map<String, Object> properties = map(map(resource).get("Properties"));
            if ("AWS::Serverless::Function".equals(map(resource).get("Type"))) {
                properties.put(
                        "CodeUri",
                        template.getParent()
                                .resolve((String) properties.get("CodeUri"))
                                .toString());
            }
        });
        return new TemplateFixture(document);
    }

    /** A resource from a YAML file under {@code src/test/resources/fixtures}, to add to the template. */
    static Map<String, Object> resourceFrom(String fixture) {
        try (Reader yaml =
                Files.newBufferedReader(Path.of("src/test/resources/fixtures").resolve(fixture))) {
            return mutable(CloudFormationYaml.parse(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TemplateFixture withResource(String logicalId, Map<String, Object> resource) {
        resources(document).put(logicalId, resource);
        return this;
    }

    /** Changes one resource's {@code Properties} in place. */
    TemplateFixture changing(String logicalId, Consumer<Map<String, Object>> change) {
        change.accept(map(map(resources(document).get(logicalId)).get("Properties")));
        return this;
    }

    /** Writes {@code template.yaml} into {@code folder}; answers its path. */
    Path writeTo(Path folder) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path file = folder.resolve("template.yaml");
        try (Writer out = Files.newBufferedWriter(file)) {
            new Yaml(options).dump(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Map<String, Object> map(Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    private static Map<String, Object> resources(Map<String, Object> document) {
        return map(document.get("Resources"));
    }

    private static Map<String, Object> parse(Path template) {
        try (Reader yaml = Files.newBufferedReader(template)) {
            return CloudFormationYaml.parse(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parser answers immutable maps for intrinsics; a fixture changes things. */
    @SuppressWarnings("unchecked")
    private static <T> T mutable(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), mutable(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(mutable(item)));
            return (T) copy;
        }
        return value;
    }
}
