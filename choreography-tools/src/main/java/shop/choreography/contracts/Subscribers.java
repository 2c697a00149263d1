package shop.choreography.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import shop.choreography.RepositoryFiles;
import shop.events.EventJson;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

/** Finds every subscriber of the template and reads its contract from its module. */
public final class Subscribers {

    private Subscribers() {}

    /** Each function with at least one EventBridge rule, in template order. */
    public static List<Subscriber> of(SamTemplate template, RepositoryFiles files) {
        return template.functions().stream()
                .filter(function -> !function.rules().isEmpty())
                .map(function -> subscriber(function, files.contract(function.codeUri())))
                .toList();
    }

    private static Subscriber subscriber(FunctionResource function, Path contractPath) {
        return new Subscriber(
                function.logicalId(), function.codeUri(), function.rules(), contractPath, read(contractPath));
    }

    private static Optional<JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.mapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read consumer contract " + file, e);
        }
    }
}
