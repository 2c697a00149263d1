package shop.choreography.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import shop.template.EventRule;

/**
 * A function the template subscribes to the bus, with its rules and its consumer contract: its own minimal JSON Schema
 * of the OrderCreated fields it reads.
 *
 * @param name the function's folder ({@code CodeUri}), e.g. {@code email-function}: how messages name it
 * @param contractPath where its contract lives, whether or not the file exists
 * @param contract the contract, when the file exists
 */
public record Subscriber(
        String functionId, String name, List<EventRule> rules, Path contractPath, Optional<JsonNode> contract) {

    /** {@code email-function (EmailFunction)}. */
    public String label() {
        return name + " (" + functionId + ")";
    }
}
