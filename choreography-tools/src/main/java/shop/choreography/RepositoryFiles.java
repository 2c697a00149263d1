package shop.choreography;

import java.nio.file.Path;
import shop.template.SamTemplate;

/**
 * Where the choreography's files live in the repository: the template, the producer schemas, each consumer's contract,
 * the sample events, the README and the drawn map. One place, so no check restates the layout.
 *
 * @param root the folder holding {@code template.yaml}
 */
public record RepositoryFiles(Path root) {

    /** The repository around {@code start} (the working directory of a test or of the command). */
    public static RepositoryFiles around(Path start) {
        return new RepositoryFiles(SamTemplate.locate(start).getParent());
    }

    public Path template() {
        return root.resolve("template.yaml");
    }

    /** Folder of {@code <major.minor>.json} OrderCreated schemas, as published by {@code order-events}. */
    public Path orderCreatedSchemas() {
        return root.resolve("order-events/src/main/resources/schemas/order-created");
    }

    /** The contract of the function whose {@code CodeUri} is {@code codeUri}: the fields of OrderCreated it reads. */
    public Path contract(String codeUri) {
        return root.resolve(codeUri)
                .resolve("src/main/resources/contract")
                .resolve(codeUri)
                .resolve("order-created.json");
    }

    /** Sample EventBridge envelopes; {@code poison/} below it holds events consumers must reject. */
    public Path eventBridgeSamples() {
        return root.resolve("events/eventbridge");
    }

    public Path readme() {
        return root.resolve("README.md");
    }

    public Path mapSvg() {
        return root.resolve("docs/choreography-map.svg");
    }
}
