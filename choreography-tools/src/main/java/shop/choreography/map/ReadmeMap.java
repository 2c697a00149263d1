package shop.choreography.map;

import java.util.Optional;

/**
 * The generated block of the README between {@code <!-- choreography-map:start -->} and {@code <!--
 * choreography-map:end -->}: a Mermaid code fence drawn from the template.
 */
public final class ReadmeMap {

    public static final String START = "<!-- choreography-map:start -->";
    public static final String END = "<!-- choreography-map:end -->";

    private ReadmeMap() {}

    /** The whole block, markers included, for {@code mermaid} text. */
    public static String block(String mermaid, String command) {
        return START + "\n<!-- Generated from template.yaml by `" + command
                + "`; edit the template, not this block. -->\n" + "```mermaid\n" + mermaid + "```\n" + END;
    }

    /** The block the README has now, markers included; empty when the markers are missing. */
    public static Optional<String> current(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END, Math.max(start, 0));
        if (start < 0 || end < 0) {
            return Optional.empty();
        }
        return Optional.of(readme.substring(start, end + END.length()));
    }

    /** The README with its block replaced by {@code block}, or with the block appended at the end if it had none. */
    public static String withBlock(String readme, String block) {
        return current(readme)
                .map(old -> readme.replace(old, block))
                .orElseGet(
                        () -> readme + (readme.isEmpty() || readme.endsWith("\n") ? "" : "\n") + "\n" + block + "\n");
    }
}
