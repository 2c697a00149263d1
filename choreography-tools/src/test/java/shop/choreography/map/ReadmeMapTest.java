package shop.choreography.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReadmeMapTest {

    private static final String BLOCK = ReadmeMap.block("flowchart LR\n  A --> B\n", "draw");

    static Stream<Arguments> readmes() {
        String old = ReadmeMap.START + "\nold map\n" + ReadmeMap.END;
        return Stream.of(
                Arguments.of(
                        "replaces the block between the markers",
                        "# Shop\n\n" + old + "\n\n## Run it\n",
                        "# Shop\n\n" + BLOCK + "\n\n## Run it\n"),
                Arguments.of(
                        "replaces empty markers",
                        "# Shop\n" + ReadmeMap.START + "\n" + ReadmeMap.END + "\nmore\n",
                        "# Shop\n" + BLOCK + "\nmore\n"),
                Arguments.of("appends the block when there are no markers", "# Shop\n", "# Shop\n\n" + BLOCK + "\n"),
                Arguments.of("appends after a last line without newline", "# Shop", "# Shop\n\n" + BLOCK + "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readmes")
    void onlyTheBlockBetweenTheMarkersIsWritten(String name, String before, String after) {
        assertThat(ReadmeMap.withBlock(before, BLOCK)).isEqualTo(after);
    }

    @Test
    void theCurrentBlockIncludesItsMarkers() {
        assertThat(ReadmeMap.current("intro\n" + BLOCK + "\noutro")).isEqualTo(Optional.of(BLOCK));
        assertThat(ReadmeMap.current("no map here")).isEmpty();
    }

    @Test
    void theBlockIsAMermaidFenceThatNamesTheCommand() {
        assertThat(BLOCK).contains("```mermaid\nflowchart LR\n  A --> B\n```\n", "`draw`");
    }
}
