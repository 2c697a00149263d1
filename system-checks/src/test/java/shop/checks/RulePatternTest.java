package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.checks.Subscribers.ALL;
import static shop.checks.Subscribers.EVERY_ORDER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.SamTemplate;
import software.amazon.event.ruler.Machine;

/**
 * Runs every {@code EventBridgeRule} pattern of {@code template.yaml} through AWS's event-ruler, the matcher
 * EventBridge itself is built on, against a named table of sample envelopes and variants of them.
 */
class RulePatternTest {

    private static final Set<String> NOBODY = Set.of();

    private static final String SIGNUP = "order-created-rewards-signup.json";
    private static final String NO_SIGNUP = "order-created-no-signup.json";

    /**
     * One row: a sample envelope, the change made to it, and the functions whose rules must match it (and no others).
     */
    record Routing(String name, String sample, UnaryOperator<ObjectNode> change, Set<String> reaches) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Routing> TABLE = List.of(
            sample(SIGNUP, ALL),
            sample(NO_SIGNUP, EVERY_ORDER),
            sample("order-created-jpy.json", ALL),
            sample("compatible/order-created-1.1-new-fields.json", ALL),
            // Poison the patterns cannot see: it is delivered, the consumers' contracts reject it, and it lands in a
            // DLQ.
            sample("poison/missing-customer-email.json", ALL),
            sample("poison/missing-order-id.json", ALL),
            sample("poison/missing-shipping-address.json", ALL),
            sample("poison/missing-total.json", ALL),
            // Poison the patterns keep away from every consumer.
            sample("poison/unknown-major.json", NOBODY),
            sample("poison/wrong-detail-type.json", NOBODY),
            variant("signup from another source", SIGNUP, e -> e.put("source", "shop.returns"), NOBODY),
            variant(
                    "signup with detail-type OrderCancelled",
                    SIGNUP,
                    e -> e.put("detail-type", "OrderCancelled"),
                    NOBODY),
            variant("signup at schemaVersion 1.7", SIGNUP, detail(d -> d.put("schemaVersion", "1.7")), ALL),
            variant("signup at schemaVersion 2.0", SIGNUP, detail(d -> d.put("schemaVersion", "2.0")), NOBODY),
            // The pattern is a prefix of "1.", so a tenth major must not slip through as "10.0".
            variant("signup at schemaVersion 10.0", SIGNUP, detail(d -> d.put("schemaVersion", "10.0")), NOBODY),
            variant("signup without schemaVersion", SIGNUP, detail(d -> d.remove("schemaVersion")), NOBODY),
            variant(
                    "signup with rewardsSignup false",
                    SIGNUP,
                    customer(c -> c.put("rewardsSignup", false)),
                    EVERY_ORDER),
            variant("signup without rewardsSignup", SIGNUP, customer(c -> c.remove("rewardsSignup")), EVERY_ORDER),
            variant(
                    "signup with rewardsSignup as the text true",
                    SIGNUP,
                    customer(c -> c.put("rewardsSignup", "true")),
                    EVERY_ORDER),
            variant("signup without customer", SIGNUP, detail(d -> d.remove("customer")), EVERY_ORDER),
            variant("no-signup with rewardsSignup true", NO_SIGNUP, customer(c -> c.put("rewardsSignup", true)), ALL));

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));
    private static final Machine MACHINE = Subscribers.rules(TEMPLATE);

    static List<Routing> table() {
        return TABLE;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void rulesMatchExactlyTheConsumersTheEventIsFor(Routing routing) {
        ObjectNode event = routing.change().apply(SampleEnvelopes.json(routing.sample()));

        List<String> matched = MACHINE.rulesForJSONEvent(event);

        assertThat(Set.copyOf(matched))
                .as("functions whose rule matches %s", routing.name())
                .isEqualTo(routing.reaches());
    }

    @Test
    void everySampleEnvelopeHasARow() {
        Set<String> inTable = TABLE.stream().map(Routing::sample).collect(Collectors.toSet());

        assertThat(SampleEnvelopes.all())
                .isNotEmpty()
                .allSatisfy(sample -> assertThat(inTable).contains(sample));
    }

    @Test
    void everyRuleHasAPatternTheTableKnows() {
        // A rule with another pattern admits another audience: give its cases rows here, and the pattern a name in
        // Subscribers, before it ships.
        assertThat(TEMPLATE.rules())
                .allSatisfy(rule -> assertThat(rule.pattern())
                        .as("pattern of %s", rule.ruleLogicalId())
                        .isIn(Subscribers.EVERY_ORDER_PATTERN, Subscribers.SIGNUPS_ONLY_PATTERN));
        // The variants tell the two audiences apart only while each has a member.
        assertThat(EVERY_ORDER).as("subscribers of every order").isNotEmpty();
        assertThat(Subscribers.SIGNUPS_ONLY).as("subscribers of signups only").isNotEmpty();
    }

    private static Routing sample(String sample, Set<String> reaches) {
        return new Routing(sample, sample, UnaryOperator.identity(), reaches);
    }

    private static Routing variant(String name, String sample, UnaryOperator<ObjectNode> change, Set<String> reaches) {
        return new Routing(name, sample, change, reaches);
    }

    private static UnaryOperator<ObjectNode> detail(Consumer<ObjectNode> change) {
        return envelope -> {
            change.accept((ObjectNode) envelope.get("detail"));
            return envelope;
        };
    }

    private static UnaryOperator<ObjectNode> customer(Consumer<ObjectNode> change) {
        return detail(detail -> change.accept((ObjectNode) detail.get("customer")));
    }
}
