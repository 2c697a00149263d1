package shop.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import shop.template.EventRule;
import shop.template.FunctionResource;
import shop.template.SamTemplate;
import shop.template.TableResource;

/**
 * Tells what happened to one order: which functions wrote about it (and so which rules delivered it), each attempt with
 * its duration and status, what each function's tables hold for it, and what its dead-letter queues keep. Reads through
 * {@link Sources}, so the same story comes from a stack on AWS or from the local runtime's data folder.
 */
public final class Journey {

    private final SamTemplate template;
    private final Sources.Logs logs;
    private final Sources.Tables tables;
    private final Sources.DeadLetters deadLetters;

    public Journey(SamTemplate template, Sources.Logs logs, Sources.Tables tables, Sources.DeadLetters deadLetters) {
        this.template = template;
        this.logs = logs;
        this.tables = tables;
        this.deadLetters = deadLetters;
    }

    /**
     * The story of {@code orderId}.
     *
     * @param customerId the order's customer, when known: tables keyed by customer can only be read with it
     */
    public OrderStory tell(String orderId, Optional<String> customerId) {
        Map<String, List<LogEntry>> lines = new LinkedHashMap<>();
        List<FunctionResource> ordered = new ArrayList<>(template.functions());
        ordered.sort(Comparator.comparing(function -> !function.rules().isEmpty())); // producers first, stable
        for (FunctionResource function : ordered) {
            lines.put(
                    function.logicalId(),
                    logs.mentioning(function.logicalId(), orderId).stream()
                            .filter(entry -> !entry.isReport())
                            .toList());
        }
        Map<String, List<ParkedEvent>> parked = new LinkedHashMap<>();
        for (FunctionResource function : ordered) {
            parked.put(
                    function.logicalId(),
                    function.deadLetterQueues().stream()
                            .flatMap(queue -> deadLetters.in(queue, function.logicalId()).stream())
                            .filter(letter -> letter.orderId().equals(orderId))
                            .toList());
        }
        // Tables keyed by customer open with the id given, or one a log line or a parked event carries.
        Optional<String> customer = customerId
                .or(() -> lines.values().stream()
                        .flatMap(List::stream)
                        .map(entry -> entry.text("customerId"))
                        .filter(id -> !id.isEmpty())
                        .findFirst())
                .or(() -> parked.values().stream()
                        .flatMap(List::stream)
                        .map(ParkedEvent::customerId)
                        .filter(id -> !id.isEmpty())
                        .findFirst());

        List<OrderStory.FunctionStory> stories = new ArrayList<>();
        for (FunctionResource function : ordered) {
            List<LogEntry> own = lines.get(function.logicalId());
            stories.add(new OrderStory.FunctionStory(
                    function.logicalId(),
                    function.rules().stream().map(EventRule::ruleLogicalId).findFirst(),
                    attempts(function.logicalId(), own),
                    own,
                    written(function, orderId, customer),
                    parked.get(function.logicalId())));
        }
        return new OrderStory(orderId, List.copyOf(stories));
    }

    private List<OrderStory.Attempt> attempts(String function, List<LogEntry> lines) {
        Set<String> requests = new LinkedHashSet<>();
        lines.stream().map(LogEntry::requestId).filter(id -> !id.isEmpty()).forEach(requests::add);
        List<OrderStory.Attempt> attempts = new ArrayList<>();
        for (String request : requests) {
            // Lambda retries an asynchronous invocation under the same request id: one report per attempt.
            List<LogEntry> reports = logs.mentioning(function, request).stream()
                    .filter(LogEntry::isReport)
                    .filter(entry -> entry.requestId().equals(request))
                    .toList();
            if (reports.isEmpty()) {
                LogEntry first = lines.stream()
                        .filter(entry -> entry.requestId().equals(request))
                        .findFirst()
                        .orElseThrow();
                attempts.add(new OrderStory.Attempt(request, first.time(), Optional.empty(), "unreported"));
            }
            // A report is written at the end of its attempt; the attempt began its duration earlier.
            reports.forEach(report -> attempts.add(new OrderStory.Attempt(
                    request,
                    report.time()
                            .minusNanos(report.reportedDurationMs()
                                    .map(ms -> (long) (ms * 1_000_000))
                                    .orElse(0L)),
                    report.reportedDurationMs(),
                    report.reportedStatus().orElse("unreported"))));
        }
        attempts.sort(Comparator.comparing(OrderStory.Attempt::time));
        return attempts;
    }

    private List<OrderStory.Written> written(FunctionResource function, String orderId, Optional<String> customer) {
        List<OrderStory.Written> written = new ArrayList<>();
        Set<String> tableIds = Set.copyOf(template.resourcesOfType("AWS::DynamoDB::Table"));
        for (String table : function.referencedAmong(tableIds)) {
            OrderLookups.Lookup lookup = OrderLookups.of(table)
                    .orElseThrow(() -> new IllegalStateException(
                            "OrderLookups has no entry for " + table + ": say where it keeps an order's effect"));
            Optional<Map<String, String>> key = lookup.keyFor(orderId, customer);
            if (key.isEmpty()) {
                written.add(new OrderStory.Written(
                        table, List.of(), Optional.of("its key needs the customer id; give --customer <id>")));
                continue;
            }
            Optional<String> sortKey = template.tables().stream()
                    .filter(resource -> resource.logicalId().equals(table))
                    .findFirst()
                    .flatMap(TableResource::rangeKey);
            List<Map<String, String>> items = tables.items(table, key.get()).stream()
                    .map(item -> shown(item, lookup, sortKey))
                    .toList();
            written.add(new OrderStory.Written(table, items, Optional.empty()));
        }
        return written;
    }

    private static Map<String, String> shown(JsonNode item, OrderLookups.Lookup lookup, Optional<String> sortKey) {
        Map<String, String> shown = new LinkedHashMap<>();
        List<String> attributes = new ArrayList<>(lookup.key().keySet());
        // The key attributes present in the item (the table's sort key when the lookup left it open: it tells the items
        // of one partition apart), then the shown ones.
        item.fieldNames().forEachRemaining(name -> {
            if (!attributes.contains(name)
                    && !lookup.shown().contains(name)
                    && sortKey.filter(name::equals).isPresent()) {
                attributes.add(name);
            }
        });
        attributes.addAll(lookup.shown());
        for (String attribute : attributes) {
            JsonNode value = item.path(attribute);
            if (!value.isMissingNode()) {
                shown.put(attribute, scalar(value));
            }
        }
        return shown;
    }

    private static String scalar(JsonNode attribute) {
        for (String type : List.of("S", "N")) {
            if (attribute.has(type)) {
                return attribute.get(type).asText();
            }
        }
        if (attribute.has("BOOL")) {
            return attribute.get("BOOL").asText();
        }
        return attribute.toString();
    }
}
