package shop.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import shop.events.ConsumerContract;
import shop.events.OrderCreatedEvent;
import shop.events.SchemaCheck;
import shop.template.EventRule;
import shop.template.FunctionResource;
import shop.template.SamTemplate;
import software.amazon.event.ruler.Machine;

/**
 * The bus's subscribers as {@code template.yaml} and their modules declare them: who receives what, read from each
 * rule's pattern, and their consumer contracts. Adding a subscriber edits nothing here.
 */
final class Subscribers {

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));

    /** What a rule admitting every 1.x OrderCreated looks like: the checkout design's default subscription. */
    static final Map<String, Object> EVERY_ORDER_PATTERN = Map.of(
            "source", List.of("shop.checkout"),
            "detail-type", List.of("OrderCreated"),
            "detail", Map.of("schemaVersion", List.of(Map.of("prefix", "1."))));

    /** The same, narrowed to orders whose customer signed up for rewards at checkout. */
    static final Map<String, Object> SIGNUPS_ONLY_PATTERN = Map.of(
            "source", List.of("shop.checkout"),
            "detail-type", List.of("OrderCreated"),
            "detail",
                    Map.of(
                            "schemaVersion",
                            List.of(Map.of("prefix", "1.")),
                            "customer",
                            Map.of("rewardsSignup", List.of(true))));

    /** Subscribers whose rule admits every 1.x OrderCreated. */
    static final Set<String> EVERY_ORDER = withPattern(EVERY_ORDER_PATTERN);

    /** Subscribers whose rule admits an order only when its customer signed up for rewards at checkout. */
    static final Set<String> SIGNUPS_ONLY = withPattern(SIGNUPS_ONLY_PATTERN);

    /** Every function with a rule: what an order with a rewards signup must reach. */
    static final Set<String> ALL =
            TEMPLATE.rules().stream().map(EventRule::functionLogicalId).collect(Collectors.toUnmodifiableSet());

    /** Functions whose rules have exactly {@code pattern}. */
    private static Set<String> withPattern(Map<String, Object> pattern) {
        return TEMPLATE.rules().stream()
                .filter(rule -> rule.pattern().equals(pattern))
                .map(EventRule::functionLogicalId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Where a consumer module keeps the schema of the OrderCreated fields it reads: under its own folder name, so that
     * functions sharing one class path (local runtime, emulator suite, this module) each find their own.
     */
    static String contractResource(FunctionResource function) {
        return "/contract/" + function.codeUri() + "/order-created.json";
    }

    private Subscribers() {}

    /** Every rule of the template in one event-ruler machine; a match names the subscribed function's logical id. */
    static Machine rules(SamTemplate template) {
        Machine machine = new Machine();
        for (EventRule rule : template.rules()) {
            try {
                machine.addRule(rule.functionLogicalId(), rule.patternJson());
            } catch (IOException e) {
                throw new UncheckedIOException("event-ruler cannot read the pattern of " + rule.ruleLogicalId(), e);
            }
        }
        return machine;
    }

    /**
     * Each subscribed function's contract, by logical id: the schema its own module ships, read from that module's jar
     * (as Lambda sees it, deployed alone), and the major checkout publishes today.
     */
    static Map<String, ConsumerContract> contracts(SamTemplate template) {
        Map<String, ConsumerContract> contracts = new LinkedHashMap<>();
        for (FunctionResource function : template.functions()) {
            if (!function.rules().isEmpty()) {
                contracts.put(
                        function.logicalId(),
                        new ConsumerContract(
                                function.codeUri(),
                                Set.of(OrderCreatedEvent.majorOf(OrderCreatedEvent.CURRENT_VERSION)),
                                SchemaCheck.fromUrl(ownContract(handlerOf(function), function))));
            }
        }
        return contracts;
    }

    /** The handler class a function of the template names. */
    static Class<?> handlerOf(FunctionResource function) {
        try {
            return Class.forName(function.handlerClass());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    function.logicalId() + " handler " + function.handlerClass() + " is not on the class path", e);
        }
    }

    /**
     * The contract resource inside the jar or classes folder the handler was loaded from, whatever else is on the path.
     */
    static URL ownContract(Class<?> handler, FunctionResource function) {
        try {
            URI module =
                    handler.getProtectionDomain().getCodeSource().getLocation().toURI();
            String inside = contractResource(function).substring(1);
            return module.getPath().endsWith("/")
                    ? module.resolve(inside).toURL()
                    : URI.create("jar:" + module + "!/" + inside).toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalStateException("Cannot tell where " + handler.getName() + " was loaded from", e);
        }
    }
}
