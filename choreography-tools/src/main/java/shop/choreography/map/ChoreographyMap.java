package shop.choreography.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import shop.choreography.rules.RulePattern;
import shop.template.EventRule;
import shop.template.FunctionResource;
import shop.template.HttpRoute;
import shop.template.SamTemplate;

/**
 * The system as the template declares it: API route, producer, bus, each rule with its pattern, each consumer with its
 * tables and dead-letter queue. Built from {@code template.yaml} alone; drawn by {@link MermaidMap} and {@link SvgMap}.
 *
 * @param nodes in the order they were found, parents first
 */
public record ChoreographyMap(List<MapNode> nodes, List<MapEdge> edges) {

    /** Reads the map out of the template. */
    public static ChoreographyMap from(SamTemplate template) {
        Builder map = new Builder(template);
        template.functions().forEach(map::producer);
        template.functions().stream()
                .filter(function -> !function.rules().isEmpty())
                .forEach(map::consumer);
        return new ChoreographyMap(List.copyOf(map.nodes.values()), List.copyOf(map.edges));
    }

    /** The node with this id. */
    public MapNode node(String id) {
        return nodes.stream()
                .filter(node -> node.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No node " + id + " in the map"));
    }

    private static final class Builder {
        private final SamTemplate template;
        private final Set<String> buses;
        private final Set<String> tables;
        private final Map<String, MapNode> nodes = new LinkedHashMap<>();
        private final List<MapEdge> edges = new ArrayList<>();

        Builder(SamTemplate template) {
            this.template = template;
            this.buses = Set.copyOf(template.resourcesOfType("AWS::Events::EventBus"));
            this.tables = Set.copyOf(template.resourcesOfType("AWS::DynamoDB::Table"));
        }

        /** A function whose environment names a bus publishes on it. */
        void producer(FunctionResource function) {
            List<String> publishesTo = function.referencedAmong(buses);
            if (publishesTo.isEmpty()) {
                return;
            }
            for (HttpRoute route : function.routes()) {
                String routeId = function.logicalId() + route.eventName() + "Route";
                add(new MapNode(routeId, MapNode.Kind.ROUTE, List.of(route.method() + " " + route.path(), "HTTP API")));
                edges.add(new MapEdge(routeId, function.logicalId(), "", false));
            }
            add(new MapNode(
                    function.logicalId(),
                    MapNode.Kind.PRODUCER,
                    List.of(function.logicalId(), function.handlerClass())));
            for (String bus : publishesTo) {
                add(new MapNode(bus, MapNode.Kind.BUS, List.of(bus, "EventBridge bus")));
                edges.add(new MapEdge(function.logicalId(), bus, "PutEvents", false));
            }
            tablesOf(function);
        }

        void consumer(FunctionResource function) {
            for (EventRule rule : function.rules()) {
                SamTemplate.referencedId(rule.busName()).ifPresent(bus -> {
                    add(new MapNode(bus, MapNode.Kind.BUS, List.of(bus, "EventBridge bus")));
                    edges.add(new MapEdge(bus, rule.ruleLogicalId(), "", false));
                });
                List<String> lines = new ArrayList<>();
                lines.add(rule.ruleLogicalId());
                lines.addAll(RulePattern.shortForm(rule));
                add(new MapNode(rule.ruleLogicalId(), MapNode.Kind.RULE, lines));
            }
            add(new MapNode(
                    function.logicalId(),
                    MapNode.Kind.CONSUMER,
                    List.of(function.logicalId(), function.handlerClass())));
            for (EventRule rule : function.rules()) {
                edges.add(new MapEdge(rule.ruleLogicalId(), function.logicalId(), "", false));
            }
            tablesOf(function);
            for (EventRule rule : function.rules()) {
                queue(rule.deadLetterArn())
                        .ifPresent(queue -> edges.add(new MapEdge(rule.ruleLogicalId(), queue, "undeliverable", true)));
            }
            function.asyncInvoke()
                    .flatMap(config -> queue(config.onFailure()))
                    .ifPresent(
                            queue -> edges.add(new MapEdge(function.logicalId(), queue, "failed after retries", true)));
        }

        private void tablesOf(FunctionResource function) {
            // The template model keeps variables in an unordered map; sort them so the map is drawn the same every
            // time.
            new TreeMap<>(function.environment())
                    .forEach((variable, value) -> SamTemplate.referencedId(value)
                            .filter(tables::contains)
                            .ifPresent(table -> {
                                add(new MapNode(table, MapNode.Kind.TABLE, List.of(table, "DynamoDB table")));
                                edges.add(new MapEdge(function.logicalId(), table, variable, false));
                            }));
        }

        private Optional<String> queue(Optional<Object> arn) {
            return arn.flatMap(SamTemplate::referencedId).map(queue -> {
                add(new MapNode(queue, MapNode.Kind.QUEUE, List.of(queue, "SQS dead-letter queue")));
                return queue;
            });
        }

        private void add(MapNode node) {
            nodes.putIfAbsent(node.id(), node);
        }
    }
}
