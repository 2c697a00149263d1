package shop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import shop.template.EventRule;
import shop.template.SamTemplate;
import software.amazon.event.ruler.Machine;

/**
 * The template's rule patterns compiled into event-ruler, the matching library EventBridge is built on: the reference
 * answer to "which rules does this envelope match?". Thread-safe once built, as {@link Machine} is for reads.
 */
public final class RulerRouting {

    private final Machine machine = Machine.builder().build();

    public RulerRouting(SamTemplate template) {
        for (EventRule rule : template.rules()) {
            try {
                machine.addRule(rule.ruleLogicalId(), rule.patternJson());
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "event-ruler rejects the pattern of " + rule.ruleLogicalId() + ": " + rule.patternJson(), e);
            }
        }
    }

    /** Logical ids of the rules whose pattern matches the full envelope, sorted. */
    public Set<String> matching(JsonNode envelope) {
        return new TreeSet<>(machine.rulesForJSONEvent(envelope));
    }
}
