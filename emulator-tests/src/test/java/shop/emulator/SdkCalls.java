package shop.emulator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Records every AWS SDK call the test JVM makes, including those of the handlers' own clients: the SDK loads this
 * interceptor for every client from {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test
 * classpath. The record is the evidence, in the failsafe report, that a test went through PutEvents, DynamoDB
 * conditional writes and SES SendEmail for real. Thread-safe.
 */
public final class SdkCalls implements ExecutionInterceptor {

    private static final List<SdkCall> CALLS = new CopyOnWriteArrayList<>();
    private static final ThreadLocal<String> CALLER = ThreadLocal.withInitial(() -> "harness");
    private static final ExecutionAttribute<String> CALLED_BY = new ExecutionAttribute<>("shop.emulator.calledBy");
    private static final ExecutionAttribute<Boolean> CONDITIONAL =
            new ExecutionAttribute<>("shop.emulator.conditional");

    /** Runs {@code work} with every SDK call it makes on this thread attributed to {@code caller}. */
    public static <T> T as(String caller, Supplier<T> work) {
        String previous = CALLER.get();
        CALLER.set(caller);
        try {
            return work.get();
        } finally {
            CALLER.set(previous);
        }
    }

    /** Forgets every call so far; the report extension does this before each test. */
    public static void clear() {
        CALLS.clear();
    }

    /** Every call since the last {@link #clear()}, in order. */
    public static List<SdkCall> all() {
        return List.copyOf(CALLS);
    }

    /** How many calls named {@code name} (see {@link SdkCall#name()}) {@code caller} made with {@code outcome}. */
    public static long count(String caller, String name, String outcome) {
        return CALLS.stream()
                .filter(call -> call.caller().equals(caller)
                        && call.name().equals(name)
                        && call.outcome().equals(outcome))
                .count();
    }

    /** The {@link SdkCall#name()}s of the calls {@code caller} made, in order, duplicates kept. */
    public static List<String> madeBy(String caller) {
        return CALLS.stream()
                .filter(call -> call.caller().equals(caller))
                .map(SdkCall::name)
                .toList();
    }

    /** Calls by caller and outcome, e.g. {@code WarehouseFunction: DynamoDb.PutItem(conditional) -> ok x1}. */
    public static String summary() {
        Map<String, Long> counted =
                CALLS.stream().collect(Collectors.groupingBy(SdkCall::toString, TreeMap::new, Collectors.counting()));
        return counted.entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        attributes.putAttribute(CALLED_BY, CALLER.get());
        attributes.putAttribute(CONDITIONAL, conditional(request));
    }

    /** A write with a condition: on the request itself, or on any item of a DynamoDB transaction. */
    private static boolean conditional(SdkRequest request) {
        if (request instanceof TransactWriteItemsRequest transaction) {
            return transaction.transactItems().stream()
                    .anyMatch(item -> item.put() != null && item.put().conditionExpression() != null
                            || item.update() != null && item.update().conditionExpression() != null
                            || item.delete() != null && item.delete().conditionExpression() != null
                            || item.conditionCheck() != null);
        }
        return request.getValueForField("ConditionExpression", String.class).isPresent();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, "ok");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes, context.exception().getClass().getSimpleName());
    }

    private static void record(ExecutionAttributes attributes, String outcome) {
        String caller = attributes.getAttribute(CALLED_BY);
        CALLS.add(new SdkCall(
                caller == null ? "harness" : caller,
                attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                Boolean.TRUE.equals(attributes.getAttribute(CONDITIONAL)),
                outcome));
    }
}
