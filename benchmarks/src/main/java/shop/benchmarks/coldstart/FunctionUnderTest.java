package shop.benchmarks.coldstart;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

/**
 * A function of {@code template.yaml} as the benchmark starts it: its module (CodeUri), handler, naive twin, sample
 * event, environment (the template's variables resolved to local names) and the side effect its first invocation must
 * leave on the loopback AWS, checked after every launch so a broken run is never timed as a fast one.
 */
record FunctionUnderTest(
        String logicalId,
        Path module,
        String handlerClass,
        String naiveHandlerClass,
        Path event,
        Map<String, String> environment,
        Predicate<LoopbackAws> firstInvocationDone,
        String expectedEffect) {

    /** The bus name the template's {@code !Ref OrdersBus} stands for locally. */
    static final String BUS = "OrdersBus";

    /** The four functions, with their samples and baselines; the template supplies handler, module and variables. */
    static List<FunctionUnderTest> all(Path root, SamTemplate template) {
        return List.of(
                of(
                        root,
                        template,
                        "CheckoutFunction",
                        "shop.checkout.NaiveCheckoutHandler",
                        "events/api-gateway/post-order-rewards-signup.json",
                        aws -> aws.eventsAccepted() == 1,
                        "one event on the bus"),
                of(
                        root,
                        template,
                        "EmailFunction",
                        "shop.email.NaiveEmailHandler",
                        "events/eventbridge/order-created-rewards-signup.json",
                        aws -> aws.emailsSent() == 1 && aws.items("ConfirmationsTable") == 1,
                        "one email in the outbox, one confirmation item"),
                of(
                        root,
                        template,
                        "WarehouseFunction",
                        "shop.warehouse.NaiveWarehouseHandler",
                        "events/eventbridge/order-created-rewards-signup.json",
                        aws -> aws.items("ShipmentsTable") == 1,
                        "one shipment item"),
                of(
                        root,
                        template,
                        "RewardsFunction",
                        "shop.rewards.NaiveRewardsHandler",
                        "events/eventbridge/order-created-rewards-signup.json",
                        aws -> aws.items("RewardsTable") == 2,
                        "a ledger entry and a balance item"));
    }

    private static FunctionUnderTest of(
            Path root,
            SamTemplate template,
            String logicalId,
            String naive,
            String event,
            Predicate<LoopbackAws> done,
            String expectedEffect) {
        FunctionResource function = template.function(logicalId);
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> environment.put(name, resolve(template, value)));
        return new FunctionUnderTest(
                logicalId,
                root.resolve(function.codeUri()),
                function.handlerClass(),
                naive,
                root.resolve(event),
                environment,
                done,
                expectedEffect);
    }

    /** {@code !Ref Table} becomes the table's logical id (the stand-in's table name); a parameter its local value. */
    private static String resolve(SamTemplate template, Object value) {
        if (value instanceof String text) {
            return text;
        }
        String id = SamTemplate.referencedId(value)
                .orElseThrow(() -> new IllegalArgumentException("Cannot resolve " + value + " locally"));
        if (template.resources().containsKey(id)) {
            return id;
        }
        // Parameters: SenderAddress has no default (it must be a verified identity in the account); any address will
        // do.
        return template.parameterDefault(id).orElse("orders@shop.example");
    }
}
