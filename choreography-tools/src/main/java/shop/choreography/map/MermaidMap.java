package shop.choreography.map;

import java.util.stream.Collectors;

/** Writes a {@link ChoreographyMap} as a Mermaid flowchart, left to right, the way GitHub renders it in a README. */
public final class MermaidMap {

    private MermaidMap() {}

    /** The flowchart text, without the surrounding code fence; ends with a newline. */
    public static String render(ChoreographyMap map) {
        StringBuilder text = new StringBuilder("flowchart LR\n");
        for (MapNode node : map.nodes()) {
            String label =
                    '"' + node.lines().stream().map(MermaidMap::escape).collect(Collectors.joining("<br/>")) + '"';
            text.append("  ")
                    .append(node.id())
                    .append(
                            switch (node.kind()) {
                                case ROUTE -> "([" + label + "])";
                                case BUS -> "{{" + label + "}}";
                                case RULE -> ">" + label + "]";
                                case TABLE -> "[(" + label + ")]";
                                case QUEUE -> "[/" + label + "/]";
                                case PRODUCER, CONSUMER -> "[" + label + "]";
                            })
                    .append('\n');
        }
        for (MapEdge edge : map.edges()) {
            String arrow = edge.dashed() ? " -.->" : " -->";
            String label = edge.label().isEmpty() ? "" : "|\"" + escape(edge.label()) + "\"|";
            text.append("  ")
                    .append(edge.from())
                    .append(arrow)
                    .append(label)
                    .append(' ')
                    .append(edge.to())
                    .append('\n');
        }
        return text.toString();
    }

    // Mermaid ends a quoted label at '"' and reads '<' as HTML; its entity codes keep the text as written.
    private static String escape(String text) {
        return text.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
