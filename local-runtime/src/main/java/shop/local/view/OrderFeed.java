package shop.local.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import shop.local.LocalRuntime;
import shop.local.api.ApiCall;
import shop.local.aws.EventBridgeService;
import shop.local.aws.SesService;
import shop.local.bus.DeadLetterStore;
import shop.local.bus.Ledger;
import shop.local.deploy.Deployment;
import shop.local.functions.Invocation;
import shop.local.functions.LambdaFunction;
import shop.local.json.Json;

/**
 * What the page shows, built from the runtime's own records: the ledger (every accepted event, its rules, each
 * delivery's attempts), the API's answers and the dead-letter store. Orders are keyed by the detail's {@code orderId},
 * so a redrive joins the order it re-sends. Thread-safe.
 */
final class OrderFeed {

    private final LocalRuntime runtime;
    private final Map<String, JsonNode> answersByEvent = new ConcurrentHashMap<>();
    private final Map<Path, String> emails = new ConcurrentHashMap<>();
    private Map<String, Long> waiting = Map.of();
    private long waitingListedAt = Long.MIN_VALUE;
    private volatile int apiCalls;
    private volatile int apiFailures;

    OrderFeed(LocalRuntime runtime) {
        this.runtime = runtime;
        runtime.onApiCall(this::answered);
    }

    private void answered(ApiCall call) {
        ObjectNode answer = Json.object()
                .put("route", call.routeKey().orElse(call.method() + " " + call.path()))
                .put("status", call.status())
                .put("durationMs", call.duration().toMillis());
        call.errorBody().ifPresent(body -> answer.put("error", body));
        call.failure().ifPresent(failure -> answer.put("error", failure.errorType() + ": " + failure.errorMessage()));
        synchronized (this) {
            apiCalls++;
            if (call.status() >= 400) {
                apiFailures++;
            }
        }
        // The checkout's effects name the events it put on the bus.
        call.effects()
                .forEach(effect ->
                        EventBridgeService.eventIdOf(effect).ifPresent(eventId -> answersByEvent.put(eventId, answer)));
    }

    /** One order as it stands: a fingerprint that changes whenever what the page shows of it does, and its JSON. */
    record Order(String fingerprint, Supplier<ObjectNode> json) {}

    /** Every event the ledger holds, in one snapshot: a tick takes one for {@link #orders} and {@link #status}. */
    List<Ledger.Event> events() {
        return runtime.ledger().events();
    }

    /**
     * Every order of {@code events}, oldest first, keyed by order id. The JSON is built only when asked for: a page
     * open during a load run costs a fingerprint per order and tick, and JSON only for the orders that changed.
     */
    Map<String, Order> orders(List<Ledger.Event> events) {
        Map<String, List<Ledger.Event>> grouped = new LinkedHashMap<>();
        for (Ledger.Event event : events) {
            grouped.computeIfAbsent(orderId(event), id -> new ArrayList<>()).add(event);
        }
        Map<String, Order> orders = new LinkedHashMap<>();
        grouped.forEach((id, ofOrder) -> orders.put(id, new Order(fingerprint(ofOrder), () -> order(id, ofOrder))));
        return orders;
    }

    private String fingerprint(List<Ledger.Event> events) {
        StringBuilder print =
                new StringBuilder(answersByEvent.containsKey(events.get(0).id()) ? "a" : "-");
        for (Ledger.Event event : events) {
            print.append('|').append(event.id());
            for (Ledger.Delivery delivery : event.deliveries()) {
                print.append(',')
                        .append(delivery.outcome().ordinal())
                        .append(delivery.attempts().size())
                        .append(delivery.redrivenAs().isPresent() ? 'r' : '-');
            }
        }
        return print.toString();
    }

    private static String orderId(Ledger.Event event) {
        String id = event.envelope().path("detail").path("orderId").asText("");
        return id.isEmpty() ? "event " + event.id() : id;
    }

    private ObjectNode order(String orderId, List<Ledger.Event> events) {
        ObjectNode order = Json.object()
                .put("orderId", orderId)
                .put("acceptedAt", events.get(0).acceptedAt().toString());
        Optional.ofNullable(answersByEvent.get(events.get(0).id())).ifPresent(answer -> order.set("answer", answer));
        ArrayNode list = order.putArray("events");
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Ledger.Event event : events) {
            ObjectNode node = list.addObject()
                    .put("id", event.id())
                    .put("acceptedAt", event.acceptedAt().toString())
                    .put("detailType", event.envelope().path("detail-type").asText())
                    .put("source", event.envelope().path("source").asText());
            event.redriveOf().ifPresent(of -> node.put("redriveOf", of));
            node.set("detail", event.envelope().path("detail"));
            ArrayNode deliveries = node.putArray("deliveries");
            for (Ledger.Delivery delivery : event.deliveries()) {
                deliveries.add(delivery(delivery));
                // A later event (a redrive) decides the function's outcome for the order.
                outcomes.put(delivery.function(), word(delivery.outcome()));
            }
        }
        ObjectNode summary = order.putObject("outcomes");
        outcomes.forEach(summary::put);
        return order;
    }

    private ObjectNode delivery(Ledger.Delivery delivery) {
        ObjectNode node = Json.object()
                .put("function", delivery.function())
                .put("rule", delivery.rule())
                .put("outcome", word(delivery.outcome()))
                .put("retries", Math.max(0, delivery.attempts().size() - 1));
        delivery.deadLetter()
                .ifPresent(file -> node.put("deadLetter", file.getFileName().toString()));
        delivery.redrivenAs().ifPresent(id -> node.put("redrivenAs", id));
        ArrayNode attempts = node.putArray("attempts");
        List<Invocation> all = delivery.attempts();
        for (int i = 0; i < all.size(); i++) {
            Invocation attempt = all.get(i);
            ObjectNode a = attempts.addObject()
                    .put("number", i + 1)
                    .put("durationMs", attempt.duration().toMillis())
                    .put("coldStart", attempt.coldStart())
                    .put("outcome", attempt.succeeded() ? "ok" : "failed");
            attempt.failure().ifPresent(f -> a.put("error", f.errorType() + ": " + f.errorMessage()));
            ArrayNode effects = a.putArray("wrote");
            for (String effect : attempt.effects()) {
                effects.add(effect);
                SesService.emailOf(effect).ifPresent(eml -> a.put("email", email(eml)));
            }
        }
        return node;
    }

    /** The text part of an .eml the outbox holds; rendered once, an .eml is never rewritten. */
    private String email(Path file) {
        String rendered = emails.get(file);
        if (rendered != null) {
            return rendered;
        }
        if (!Files.isRegularFile(file)) {
            return "(not in the outbox: " + file.getFileName() + ")";
        }
        return emails.computeIfAbsent(file, EmailText::of);
    }

    /**
     * Dead letters waiting per function, read from the store at most once a second: the store is files (and holds those
     * of earlier runs too), too many to read at every tick of a load run.
     */
    private synchronized Map<String, Long> deadLettersWaiting() {
        long now = System.nanoTime();
        if (waitingListedAt == Long.MIN_VALUE || now - waitingListedAt >= 1_000_000_000L) {
            waiting = runtime.deadLetters().list(Optional.empty()).stream()
                    .collect(Collectors.groupingBy(DeadLetterStore.DeadLetter::function, Collectors.counting()));
            waitingListedAt = now;
        }
        return waiting;
    }

    private static String word(Ledger.Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> "ok";
            case DEAD_LETTERED -> "dead-lettered";
            case PENDING -> "pending";
        };
    }

    /** The counters the map and the panels show: per rule and function, dead letters waiting, faults armed. */
    ObjectNode status(List<Ledger.Event> events) {
        Deployment deployment = runtime.deployment();
        Map<String, int[]> rules = new LinkedHashMap<>();
        Map<String, int[]> functions = new LinkedHashMap<>();
        deployment.subscriptions().forEach(s -> rules.put(s.rule(), new int[1]));
        deployment.functions().forEach(f -> functions.put(f.name(), new int[4]));
        for (Ledger.Event event : events) {
            for (Ledger.Delivery delivery : event.deliveries()) {
                rules.computeIfAbsent(delivery.rule(), r -> new int[1])[0]++;
                int[] counts = functions.computeIfAbsent(delivery.function(), f -> new int[4]);
                switch (delivery.outcome()) {
                    case SUCCEEDED -> counts[0]++;
                    case DEAD_LETTERED -> counts[2]++;
                    case PENDING -> counts[3]++;
                }
                counts[1] += (int)
                        delivery.attempts().stream().filter(a -> !a.succeeded()).count();
            }
        }
        ObjectNode status = Json.object();
        ArrayNode ruleList = status.putArray("rules");
        deployment
                .subscriptions()
                .forEach(s -> ruleList.addObject()
                        .put("rule", s.rule())
                        .put("function", s.function())
                        .put("matched", rules.get(s.rule())[0]));
        ArrayNode functionList = status.putArray("functions");
        Map<String, Long> waiting = deadLettersWaiting();
        synchronized (this) {
            status.putObject("api").put("calls", apiCalls).put("failed", apiFailures);
        }
        for (Deployment.Function function : deployment.functions()) {
            int[] counts = functions.get(function.name());
            boolean subscriber = deployment.subscriptions().stream()
                    .anyMatch(s -> s.function().equals(function.name()));
            LambdaFunction loaded = runtime.functions().get(function.name());
            functionList
                    .addObject()
                    .put("name", function.name())
                    .put("subscriber", subscriber)
                    .put("retries", function.retries())
                    .put("ok", counts[0])
                    .put("failedAttempts", counts[1])
                    .put("deadLettered", counts[2])
                    .put("pending", counts[3])
                    .put("deadLettersWaiting", waiting.getOrDefault(function.name(), 0L))
                    .put("faultsArmed", loaded == null ? 0 : loaded.injectedFailuresLeft());
        }
        return status;
    }
}
