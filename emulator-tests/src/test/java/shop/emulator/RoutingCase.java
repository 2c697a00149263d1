package shop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One envelope for the routing table, and the functions the checkout design says it must reach.
 *
 * @param reaches logical ids of the functions whose rule should match, e.g. {@code EmailFunction}
 */
public record RoutingCase(String name, JsonNode envelope, Set<String> reaches) {

    static final String REWARDS = "RewardsFunction";

    /** Every subscriber: what any valid 1.x OrderCreated reaches when the customer joined rewards. */
    static final Set<String> ALL = Collections.unmodifiableSortedSet(
            Subscriber.all().stream().map(Subscriber::logicalId).collect(Collectors.toCollection(TreeSet::new)));
    /** Rewards is the one subscriber that only members' orders reach. */
    static final Set<String> NOT_REWARDS = Collections.unmodifiableSortedSet(
            ALL.stream().filter(function -> !function.equals(REWARDS)).collect(Collectors.toCollection(TreeSet::new)));

    static final Set<String> NONE = Set.of();

    /** A sample file as it is. */
    static RoutingCase sample(String file, Set<String> reaches) {
        return new RoutingCase(file, Samples.envelope(file), reaches);
    }

    /** A sample file changed by {@code edit}, named after the change. */
    static RoutingCase variant(String name, String file, Consumer<ObjectNode> edit, Set<String> reaches) {
        ObjectNode envelope = Samples.envelope(file);
        edit.accept(envelope);
        return new RoutingCase(name, envelope, reaches);
    }

    @Override
    public String toString() {
        return name;
    }
}
