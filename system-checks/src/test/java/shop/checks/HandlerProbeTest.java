package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HandlerProbeTest {

    /** The test classes folder stands in for a built artifact: the subjects live there. */
    private static final Path ARTIFACT = locationOf(ProbeSubjects.class);

    private static final Map<String, String> ENVIRONMENT = Map.of("TABLE_NAME", "Table");

    static Stream<Arguments> brokenHandlers() {
        return Stream.of(
                Arguments.of(
                        "a class the artifact lacks",
                        ARTIFACT,
                        "shop.checks.NoSuchHandler",
                        "handleRequest",
                        "shop.checks.NoSuchHandler is not in the artifact"),
                Arguments.of(
                        "a class loaded from somewhere else",
                        locationOf(HandlerProbe.class),
                        subject("Starts"),
                        "handleRequest",
                        "was loaded from"),
                Arguments.of(
                        "a class that is no Lambda handler",
                        ARTIFACT,
                        subject("NotAHandler"),
                        "handleRequest",
                        "implements neither RequestHandler nor RequestStreamHandler"),
                Arguments.of(
                        "a method the handler lacks",
                        ARTIFACT,
                        subject("Starts"),
                        "handle",
                        "has no public handle(..., Context)"),
                Arguments.of(
                        "a handler without an environment constructor",
                        ARTIFACT,
                        subject("NoEnvironmentConstructor"),
                        "handleRequest",
                        "lacks a public constructor"),
                Arguments.of(
                        "a handler that fails to start",
                        ARTIFACT,
                        subject("FailsToStart"),
                        "handleRequest",
                        "failed to start from the artifact: java.lang.IllegalStateException:"
                                + " Missing environment variable TABLE_NAME"));
    }

    @Test
    void loadsAndStartsAHandlerFromTheArtifact() {
        String report = HandlerProbe.probe(ARTIFACT, subject("Starts"), "handleRequest", ENVIRONMENT);

        assertThat(report)
                .startsWith("loaded " + subject("Starts") + "::handleRequest from " + ARTIFACT)
                .endsWith("started it with [TABLE_NAME]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenHandlers")
    void namesWhatIsWrong(String problem, Path artifact, String handler, String method, String message) {
        assertThatThrownBy(() -> HandlerProbe.probe(artifact, handler, method, ENVIRONMENT))
                .isInstanceOf(HandlerProbe.ProbeFailure.class)
                .hasMessageContaining(message);
    }

    private static String subject(String name) {
        return ProbeSubjects.class.getName() + "$" + name;
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
