package shop.reliability.load;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import shop.template.CloudFormationYaml;

/**
 * The load run's fixture: the repository's template with each consumer's handler replaced by {@link FaultyConsumer}
 * around it. Each consumer's code is laid out afresh as {@code sam build} lays it out (its classes plus the wrapper in
 * {@code target/classes}, its jars in {@code target/dependency}), so the local runtime loads wrapper and consumer in
 * the function's own class loader, exactly as it loads the real one.
 */
final class FaultyTemplate {

    private FaultyTemplate() {}

    /**
     * Writes the fixture template into {@code folder} and answers its path.
     *
     * @param consumers logical ids of the functions to wrap
     * @param failureRate share of invocations each wrapped consumer fails
     */
    static Path write(Path repositoryTemplate, Path folder, List<String> consumers, double failureRate) {
        Map<String, Object> document = parse(repositoryTemplate);
        Path repository = repositoryTemplate.toAbsolutePath().getParent();
        Map<String, Object> resources = map(document.get("Resources"));
        // The fixture lives elsewhere: every CodeUri must name the repository's build output.
        resources.values().stream()
                .map(FaultyTemplate::map)
                .filter(resource -> "AWS::Serverless::Function".equals(resource.get("Type")))
                .map(resource -> map(resource.get("Properties")))
                .forEach(properties -> properties.put(
                        "CodeUri",
                        repository
                                .resolve(String.valueOf(properties.get("CodeUri")))
                                .toString()));
        for (String consumer : consumers) {
            Map<String, Object> properties = map(map(resources.get(consumer)).get("Properties"));
            String handler = String.valueOf(properties.get("Handler"));
            Path code = layOut(Path.of(String.valueOf(properties.get("CodeUri"))), folder.resolve(consumer));
            properties.put("CodeUri", code.toString());
            properties.put("Handler", FaultyConsumer.class.getName() + "::handleRequest");
            Map<String, Object> variables =
                    map(map(properties.get("Environment")).get("Variables"));
            variables.put(FaultyConsumer.WRAPS, handler.substring(0, handler.indexOf("::")));
            variables.put(FaultyConsumer.FAILURE_RATE, Double.toString(failureRate));
        }
        Path template = folder.resolve("template.yaml");
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        try (Writer out = Files.newBufferedWriter(template)) {
            new Yaml(options).dump(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the fixture template " + template, e);
        }
        return template;
    }

    /**
     * The consumer's classes and the wrapper in {@code code/target/classes}; its jars linked as
     * {@code target/dependency}.
     */
    private static Path layOut(Path module, Path code) {
        try {
            Path classes = code.resolve("target/classes");
            copyTree(module.resolve("target/classes"), classes);
            for (Class<?> wrapper : List.of(FaultyConsumer.class, FaultyConsumer.InjectedFault.class)) {
                String file = wrapper.getName().replace('.', '/') + ".class";
                Path compiled = Path.of(wrapper.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .resolve(file);
                Files.createDirectories(classes.resolve(file).getParent());
                Files.copy(compiled, classes.resolve(file));
            }
            Path jars = module.resolve("target/dependency");
            if (!Files.isDirectory(jars)) {
                throw new IllegalStateException(jars + " is missing: lay the functions out first with"
                        + " local-runtime/package-functions.sh template.yaml");
            }
            Files.createSymbolicLink(code.resolve("target/dependency"), jars.toAbsolutePath());
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lay out " + code, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot find the compiled wrapper", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static Map<String, Object> parse(Path template) {
        try (Reader yaml = Files.newBufferedReader(template)) {
            return map(mutable(CloudFormationYaml.parse(yaml)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + template, e);
        }
    }

    private static Object mutable(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), mutable(value)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(mutable(item)));
            return copy;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
