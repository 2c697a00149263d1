package shop.choreography.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a {@link ChoreographyMap} as a standalone SVG of boxes and elbow arrows, for places that do not render Mermaid.
 * Hand-made on purpose: no renderer is available to the build, and the layout this map needs is simple.
 *
 * <p>Columns, left to right: route, producer, bus, rules, consumers, then each consumer's tables and dead-letter queue
 * in the consumer's own band. Text width is estimated from a monospace font. Output is deterministic, so a test can
 * compare it with the committed file. Stateless and thread-safe.
 */
public final class SvgMap {

    private static final int CHAR_WIDTH = 7;
    private static final int LINE_HEIGHT = 16;
    private static final int PADDING = 10;
    private static final int COLUMN_GAP = 64;
    private static final int CHANNEL = 16;
    private static final int LABEL_CHAR_WIDTH = 6;
    private static final int LABEL_OFFSET = 6;
    private static final int STACK_GAP = 14;
    private static final int BAND_GAP = 28;
    private static final int MARGIN = 20;
    private static final int CAPTION_HEIGHT = 28;

    private SvgMap() {}

    private record Box(MapNode node, int column, int x, int y, int width, int height) {
        int right() {
            return x + width;
        }

        int bottom() {
            return y + height;
        }

        int centerX() {
            return x + width / 2;
        }

        int centerY() {
            return y + height / 2;
        }
    }

    /** The SVG document; {@code caption} is printed above the drawing. */
    public static String render(ChoreographyMap map, String caption) {
        Map<String, Integer> columns = columns(map);
        int columnCount =
                columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        int[] columnWidth = new int[columnCount];
        map.nodes()
                .forEach(node -> columnWidth[columns.get(node.id())] =
                        Math.max(columnWidth[columns.get(node.id())], width(node)));
        int[] columnX = new int[columnCount];
        for (int c = 0, x = MARGIN; c < columnCount; x += columnWidth[c] + gapAfter(map, columns, c), c++) {
            columnX[c] = x;
        }

        Map<String, Integer> top = new HashMap<>();
        int bandsBottom = placeConsumerBands(map, top);
        int middle = (MARGIN + CAPTION_HEIGHT + bandsBottom) / 2;
        placeTheRestAround(map, columns, columnCount, top, middle);

        Map<String, Box> boxes = new LinkedHashMap<>();
        for (MapNode node : map.nodes()) {
            int column = columns.get(node.id());
            int x = columnX[column] + (columnWidth[column] - width(node)) / 2;
            boxes.put(node.id(), new Box(node, column, x, top.get(node.id()), width(node), height(node)));
        }
        int canvasWidth = columnX[columnCount - 1] + columnWidth[columnCount - 1] + MARGIN;
        int canvasHeight = boxes.values().stream().mapToInt(Box::bottom).max().orElse(0) + MARGIN;

        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(canvasWidth)
                .append("\" height=\"")
                .append(canvasHeight)
                .append("\" viewBox=\"0 0 ")
                .append(canvasWidth)
                .append(' ')
                .append(canvasHeight)
                .append("\" font-family=\"monospace\" font-size=\"12\">\n")
                .append("  <defs>\n")
                .append("    <marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                        + " markerWidth=\"8\" markerHeight=\"8\""
                        + " orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0"
                        + " 10 z\" fill=\"#555555\"/></marker>\n")
                .append("    <marker id=\"arrow-failure\" viewBox=\"0 0 10 10\" refX=\"10\""
                        + " refY=\"5\" markerWidth=\"8\"" + " markerHeight=\"8\" orient=\"auto-start-reverse\"><path"
                        + " d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#b03a2e\"/></marker>\n")
                .append("  </defs>\n")
                .append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append("  <text x=\"")
                .append(MARGIN)
                .append("\" y=\"")
                .append(MARGIN + 4)
                .append("\" fill=\"#666666\">")
                .append(escape(caption))
                .append("</text>\n");
        for (MapEdge edge : map.edges()) {
            edge(svg, edge, boxes.get(edge.from()), boxes.get(edge.to()), boxes.values(), columnX, columnWidth);
        }
        boxes.values().forEach(box -> box(svg, box));
        return svg.append("</svg>\n").toString();
    }

    /** Room after a column for the arrows' turn and for the labels written just before the boxes they point at. */
    private static int gapAfter(ChoreographyMap map, Map<String, Integer> columns, int column) {
        int longestLabel = map.edges().stream()
                .filter(edge -> columns.get(edge.to()) == column + 1)
                .mapToInt(edge -> edge.label().length())
                .max()
                .orElse(0);
        return Math.max(COLUMN_GAP, CHANNEL + longestLabel * LABEL_CHAR_WIDTH + 2 * LABEL_OFFSET);
    }

    private static Map<String, Integer> columns(ChoreographyMap map) {
        Map<String, Integer> columns = new HashMap<>();
        for (MapNode node : map.nodes()) {
            switch (node.kind()) {
                case ROUTE -> columns.put(node.id(), 0);
                case PRODUCER -> columns.put(node.id(), 1);
                case BUS -> columns.put(node.id(), 2);
                case RULE -> columns.put(node.id(), 3);
                case CONSUMER -> columns.put(node.id(), 4);
                case TABLE, QUEUE -> {}
            }
        }
        // A table or queue sits one column right of the function that uses it: a producer's beside the bus.
        for (MapNode node : map.nodes()) {
            if (!columns.containsKey(node.id())) {
                int owner = map.edges().stream()
                        .filter(edge -> edge.to().equals(node.id()))
                        .map(edge -> map.node(edge.from()))
                        .filter(from -> from.kind() == MapNode.Kind.PRODUCER || from.kind() == MapNode.Kind.CONSUMER)
                        .mapToInt(from -> columns.get(from.id()))
                        .findFirst()
                        .orElse(4);
                columns.put(node.id(), owner + 1);
            }
        }
        return columns;
    }

    /** One horizontal band per consumer: its rules left of it, its tables and queues right of it. */
    private static int placeConsumerBands(ChoreographyMap map, Map<String, Integer> top) {
        int bandTop = MARGIN + CAPTION_HEIGHT;
        for (MapNode consumer : map.nodes()) {
            if (consumer.kind() != MapNode.Kind.CONSUMER) {
                continue;
            }
            List<MapNode> rules = neighbours(map, consumer.id(), true, MapNode.Kind.RULE);
            List<MapNode> resources = new ArrayList<>(neighbours(map, consumer.id(), false, MapNode.Kind.TABLE));
            resources.addAll(neighbours(map, consumer.id(), false, MapNode.Kind.QUEUE));
            resources.removeIf(resource -> top.containsKey(resource.id()));
            // Room under the rules for the lane their dead-letter arrow takes below the consumer.
            int rulesHeight = stackHeight(rules) + 2 * (STACK_GAP + 12);
            int bandHeight = Math.max(Math.max(rulesHeight, stackHeight(resources)), height(consumer) + 2 * STACK_GAP);
            int center = bandTop + bandHeight / 2;
            stack(rules, center, top);
            stack(List.of(consumer), center, top);
            stack(resources, center, top);
            bandTop += bandHeight + BAND_GAP;
        }
        return bandTop - BAND_GAP;
    }

    private static void placeTheRestAround(
            ChoreographyMap map, Map<String, Integer> columns, int columnCount, Map<String, Integer> top, int middle) {
        for (int column = 0; column < columnCount; column++) {
            int c = column;
            List<MapNode> unplaced = map.nodes().stream()
                    .filter(node -> columns.get(node.id()) == c && !top.containsKey(node.id()))
                    .toList();
            stack(unplaced, middle, top);
        }
    }

    private static List<MapNode> neighbours(ChoreographyMap map, String id, boolean incoming, MapNode.Kind kind) {
        return map.edges().stream()
                .filter(edge -> (incoming ? edge.to() : edge.from()).equals(id))
                .map(edge -> map.node(incoming ? edge.from() : edge.to()))
                .filter(node -> node.kind() == kind)
                .distinct()
                .toList();
    }

    private static int stackHeight(List<MapNode> nodes) {
        return nodes.stream().mapToInt(SvgMap::height).sum() + Math.max(0, nodes.size() - 1) * STACK_GAP;
    }

    private static void stack(List<MapNode> nodes, int center, Map<String, Integer> top) {
        int y = center - stackHeight(nodes) / 2;
        for (MapNode node : nodes) {
            top.put(node.id(), y);
            y += height(node) + STACK_GAP;
        }
    }

    private static void edge(
            StringBuilder svg, MapEdge edge, Box from, Box to, Collection<Box> all, int[] columnX, int[] columnWidth) {
        String path;
        int labelX;
        int labelY;
        String anchor;
        if (to.column() - from.column() > 1) {
            // Skips a column (a rule's dead letters): leave from below, run under the boxes in between, turn up or
            // down.
            int lane = all.stream()
                            .filter(box -> box.column() > from.column() && box.column() < to.column())
                            .filter(box -> box.y() < from.bottom() + 40 && box.bottom() > from.y())
                            .mapToInt(Box::bottom)
                            .reduce(from.bottom(), Math::max)
                    + 12;
            int channel = columnX[to.column() - 1] + columnWidth[to.column() - 1] + CHANNEL;
            path = "M " + from.centerX() + " " + from.bottom() + " V " + lane + " H " + channel + " V " + to.centerY()
                    + " H " + to.x();
            labelX = from.centerX() + LABEL_OFFSET;
            labelY = lane - 4;
            anchor = "start";
        } else if (to.column() > from.column()) {
            int channel = columnX[from.column()] + columnWidth[from.column()] + CHANNEL;
            path = "M " + from.right() + " " + from.centerY() + " H " + channel + " V " + to.centerY() + " H " + to.x();
            labelX = to.x() - LABEL_OFFSET;
            labelY = to.centerY() - 5;
            anchor = "end";
        } else {
            path = "M " + from.centerX() + " " + from.bottom() + " V " + to.y();
            labelX = from.centerX() + 6;
            labelY = (from.bottom() + to.y()) / 2;
            anchor = "start";
        }
        String colour = edge.dashed() ? "#b03a2e" : "#555555";
        svg.append("  <path d=\"")
                .append(path)
                .append("\" fill=\"none\" stroke=\"")
                .append(colour)
                .append('"')
                .append(edge.dashed() ? " stroke-dasharray=\"5 4\"" : "")
                .append(" marker-end=\"url(#")
                .append(edge.dashed() ? "arrow-failure" : "arrow")
                .append(")\"/>\n");
        if (!edge.label().isEmpty()) {
            svg.append("  <text x=\"")
                    .append(labelX)
                    .append("\" y=\"")
                    .append(labelY)
                    .append("\" font-size=\"10\" text-anchor=\"")
                    .append(anchor)
                    .append("\" fill=\"")
                    .append(colour)
                    .append("\">")
                    .append(escape(edge.label()))
                    .append("</text>\n");
        }
    }

    private static void box(StringBuilder svg, Box box) {
        String fill = switch (box.node().kind()) {
            case ROUTE -> "#eef0fb";
            case PRODUCER, CONSUMER -> "#e8f4ea";
            case BUS -> "#fdf3d8";
            case RULE -> "#ffffff";
            case TABLE -> "#e6eefc";
            case QUEUE -> "#fbe9e7";
        };
        int radius = box.node().kind() == MapNode.Kind.BUS || box.node().kind() == MapNode.Kind.ROUTE ? 16 : 4;
        svg.append("  <g id=\"")
                .append(box.node().id())
                .append("\">\n")
                .append("    <rect x=\"")
                .append(box.x())
                .append("\" y=\"")
                .append(box.y())
                .append("\" width=\"")
                .append(box.width())
                .append("\" height=\"")
                .append(box.height())
                .append("\" rx=\"")
                .append(radius)
                .append("\" fill=\"")
                .append(fill)
                .append("\" stroke=\"#555555\"/>\n");
        List<String> lines = box.node().lines();
        for (int i = 0; i < lines.size(); i++) {
            svg.append("    <text x=\"")
                    .append(box.x() + PADDING)
                    .append("\" y=\"")
                    .append(box.y() + PADDING / 2 + LINE_HEIGHT * (i + 1) - 4)
                    .append('"')
                    .append(i == 0 ? " font-weight=\"bold\"" : "")
                    .append('>')
                    .append(escape(lines.get(i)))
                    .append("</text>\n");
        }
        svg.append("  </g>\n");
    }

    private static int width(MapNode node) {
        return node.lines().stream().mapToInt(String::length).max().orElse(0) * CHAR_WIDTH + 2 * PADDING;
    }

    private static int height(MapNode node) {
        return node.lines().size() * LINE_HEIGHT + PADDING;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
