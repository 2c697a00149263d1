package shop.choreography.map;

import java.util.List;

/**
 * One box of the choreography map.
 *
 * @param id a template logical id, or a made-up id for an HTTP route; letters and digits only, as Mermaid needs
 * @param lines the label, first line the name
 */
public record MapNode(String id, Kind kind, List<String> lines) {

    /** What the box stands for; it decides the shape and, in the SVG, the column. */
    public enum Kind {
        ROUTE,
        PRODUCER,
        BUS,
        RULE,
        CONSUMER,
        TABLE,
        QUEUE
    }
}
