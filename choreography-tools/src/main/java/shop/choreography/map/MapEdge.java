package shop.choreography.map;

/**
 * One arrow of the choreography map; {@code dashed} for the failure path to a dead-letter queue.
 *
 * @param label may be empty
 */
public record MapEdge(String from, String to, String label, boolean dashed) {}
