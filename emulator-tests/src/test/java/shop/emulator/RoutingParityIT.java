package shop.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.emulator.RoutingCase.ALL;
import static shop.emulator.RoutingCase.NONE;
import static shop.emulator.RoutingCase.NOT_REWARDS;
import static shop.emulator.RoutingCase.REWARDS;
import static shop.emulator.RoutingCase.sample;
import static shop.emulator.RoutingCase.variant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.FunctionResource;

/**
 * The emulator's own rule matching (PutEvents on the provisioned bus, the template's patterns, stand-in queues) and
 * event-ruler with the same patterns give the same answer for every rule, on a table of envelopes; and that answer is
 * the one the checkout design intends. A disagreement names the event and the rule.
 */
@ExtendWith(SdkCallReport.class)
class RoutingParityIT {

    @RegisterExtension
    static final EmulatorStack EMULATOR = new EmulatorStack();

    private static final RulerRouting RULER = new RulerRouting(EmulatorStack.TEMPLATE);
    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final String SIGNUP = "order-created-rewards-signup.json";
    /** Case name to the functions whose stand-in queue the emulator routed it to. */
    private static final Map<String, Set<String>> ROUTED = new HashMap<>();

    static Stream<RoutingCase> routingTable() {
        return Stream.of(
                sample(SIGNUP, ALL),
                sample("order-created-no-signup.json", NOT_REWARDS),
                sample("order-created-jpy.json", ALL),
                sample("compatible/order-created-1.1-new-fields.json", ALL),
                // Routing looks at envelope, version and signup only: a poison detail is routed, and dead-lettered
                // later.
                sample("poison/missing-customer-email.json", ALL),
                sample("poison/missing-order-id.json", ALL),
                sample("poison/missing-shipping-address.json", ALL),
                sample("poison/missing-total.json", ALL),
                sample("poison/unknown-major.json", NONE),
                sample("poison/wrong-detail-type.json", NONE),
                variant("schemaVersion missing", SIGNUP, e -> detail(e).remove("schemaVersion"), NONE),
                variant(
                        "schemaVersion 10.0 is another major",
                        SIGNUP,
                        e -> detail(e).put("schemaVersion", "10.0"),
                        NONE),
                variant(
                        "schemaVersion 1 without a minor",
                        SIGNUP,
                        e -> detail(e).put("schemaVersion", "1"),
                        NONE),
                variant("schemaVersion 1.5 as a number", SIGNUP, e -> detail(e).put("schemaVersion", 1.5), NONE),
                variant("schemaVersion 3.0", SIGNUP, e -> detail(e).put("schemaVersion", "3.0"), NONE),
                variant("source shop.returns", SIGNUP, e -> e.put("source", "shop.returns"), NONE),
                variant("source Shop.Checkout in other case", SIGNUP, e -> e.put("source", "Shop.Checkout"), NONE),
                variant("detail-type OrderShipped", SIGNUP, e -> e.put("detail-type", "OrderShipped"), NONE),
                variant(
                        "detail-type ordercreated in lower case",
                        SIGNUP,
                        e -> e.put("detail-type", "ordercreated"),
                        NONE),
                variant("rewardsSignup missing", SIGNUP, e -> customer(e).remove("rewardsSignup"), NOT_REWARDS),
                variant("rewardsSignup null", SIGNUP, e -> customer(e).putNull("rewardsSignup"), NOT_REWARDS),
                variant(
                        "rewardsSignup the string true",
                        SIGNUP,
                        e -> customer(e).put("rewardsSignup", "true"),
                        NOT_REWARDS),
                variant("customer missing", SIGNUP, e -> detail(e).remove("customer"), NOT_REWARDS));
    }

    /**
     * Every case goes through the emulator at once, then barriers: each delivery to a target costs moto about 0.4 s, so
     * a barrier per case would triple the run. A queue's barrier is the first case event-ruler says its rule matches,
     * put again; once it has arrived, so has everything routed there before it. With an intact template one barrier
     * serves every queue; with a broken pattern each queue still gets one, so the cases name what changed.
     */
    @BeforeAll
    static void routeTheWholeTableThroughTheEmulator() {
        List<RoutingCase> cases = Stream.concat(routingTable(), knownGaps().map(KnownGap::routingCase))
                .toList();
        ProvisionedStack stack = EMULATOR.stack();
        Map<String, String> caseByEventId = new HashMap<>();
        for (RoutingCase routingCase : cases) {
            if (ROUTED.put(routingCase.name(), new TreeSet<>()) != null) {
                throw new IllegalStateException("Two routing cases are named '" + routingCase.name() + "'");
            }
            caseByEventId.put(stack.putOnBus(routingCase.envelope()), routingCase.name());
        }
        Map<RoutingCase, String> barrierIds = new HashMap<>();
        stack.queues().forEach((function, queue) -> {
            RoutingCase barrier = cases.stream()
                    .filter(c ->
                            RULER.matching(c.envelope()).contains(ruleOwners().get(function)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "No routing case matches rule " + ruleOwners().get(function)
                                    + " by event-ruler, so nothing can show what the emulator routes there: add one"));
            String barrierId = barrierIds.computeIfAbsent(barrier, c -> stack.putOnBus(c.envelope()));
            for (JsonNode envelope : queue.drainThrough(
                    e -> barrierId.equals(e.path("id").asText()),
                    "barrier event ('" + barrier + "', which event-ruler routes there)",
                    BOUND)) {
                String routed = caseByEventId.get(envelope.path("id").asText());
                if (routed != null) {
                    ROUTED.get(routed).add(function);
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routingTable")
    void emulatorRoutesEveryRuleAsEventRulerDoes(RoutingCase routingCase) {
        // Arrange: routed through the emulator before all tests.
        Set<String> byEmulator = ROUTED.get(routingCase.name());

        // Act
        Set<String> byRuler = functionsOf(RULER.matching(routingCase.envelope()));

        // Assert
        assertThat(disagreements(routingCase, byEmulator, byRuler))
                .as("rules where %s and event-ruler disagree", EMULATOR.emulator())
                .isEmpty();
        assertThat(byEmulator).as("functions '%s' reaches", routingCase).isEqualTo(routingCase.reaches());
    }

    /**
     * A place where an emulator's matching differs from EventBridge's. Each case fails once the emulator is fixed, so
     * that it moves to {@link #routingTable()}; on other emulators it is an ordinary parity case.
     *
     * @param function the function whose rule the emulator gets wrong
     */
    record KnownGap(RoutingCase routingCase, Emulator emulator, String function, String why) {
        @Override
        public String toString() {
            return emulator + ": " + routingCase.name();
        }
    }

    static Stream<KnownGap> knownGaps() {
        return Stream.of(new KnownGap(
                variant("rewardsSignup the number 1", SIGNUP, e -> customer(e).put("rewardsSignup", 1), NOT_REWARDS),
                Emulator.MOTO,
                REWARDS,
                "moto compares pattern values with Python ==, where True == 1, so [true] matches the number 1; "
                        + "EventBridge matches JSON true only"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownGaps")
    void knownGapsOfTheEmulatorStillDiffer(KnownGap gap) {
        // Arrange: routed through the emulator before all tests.
        RoutingCase routingCase = gap.routingCase();
        Set<String> byEmulator = ROUTED.get(routingCase.name());

        // Act
        Set<String> byRuler = functionsOf(RULER.matching(routingCase.envelope()));

        // Assert
        assertThat(byRuler)
                .as("event-ruler, EventBridge's matcher, on '%s'", routingCase)
                .isEqualTo(routingCase.reaches());
        if (EMULATOR.emulator() != gap.emulator()) {
            assertThat(disagreements(routingCase, byEmulator, byRuler)).isEmpty();
            return;
        }
        assertThat(disagreements(routingCase, byEmulator, byRuler))
                .as(
                        "known %s gap (%s); if this fails the gap is fixed: move the case to routingTable()",
                        gap.emulator(), gap.why())
                .containsExactly(disagreement(routingCase, gap.function(), byEmulator, byRuler));
    }

    private static List<String> disagreements(RoutingCase routingCase, Set<String> byEmulator, Set<String> byRuler) {
        List<String> found = new ArrayList<>();
        for (String function : ruleOwners().keySet()) {
            if (byEmulator.contains(function) != byRuler.contains(function)) {
                found.add(disagreement(routingCase, function, byEmulator, byRuler));
            }
        }
        return found;
    }

    private static String disagreement(
            RoutingCase routingCase, String function, Set<String> byEmulator, Set<String> byRuler) {
        return "event '" + routingCase.name() + "', rule " + ruleOwners().get(function) + ": "
                + EMULATOR.emulator() + (byEmulator.contains(function) ? " routes it" : " does not route it")
                + ", event-ruler " + (byRuler.contains(function) ? "matches" : "does not match");
    }

    /** Function logical id to the logical id of its one rule. */
    private static Map<String, String> ruleOwners() {
        Map<String, String> owners = new TreeMap<>();
        for (FunctionResource function : EmulatorStack.TEMPLATE.functions()) {
            function.rules().forEach(rule -> owners.put(function.logicalId(), rule.ruleLogicalId()));
        }
        return owners;
    }

    private static Set<String> functionsOf(Set<String> ruleIds) {
        Set<String> functions = new TreeSet<>();
        ruleOwners().forEach((function, rule) -> {
            if (ruleIds.contains(rule)) {
                functions.add(function);
            }
        });
        return functions;
    }

    private static ObjectNode detail(ObjectNode envelope) {
        return (ObjectNode) envelope.path("detail");
    }

    private static ObjectNode customer(ObjectNode envelope) {
        return (ObjectNode) detail(envelope).path("customer");
    }
}
