package shop.choreography.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import shop.choreography.Fixtures;
import shop.choreography.RepositoryFiles;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

/**
 * The promise of choreography, checked: a subscriber is added through the template and its own module, and no other
 * function knows it exists. The analytics subscriber was added last, so it is checked by name and through the history.
 */
class SubscriberIsolationTest {

    private static final RepositoryFiles REPOSITORY = Fixtures.repository();
    private static final SamTemplate TEMPLATE = SamTemplate.load(REPOSITORY.template());
    private static final List<String> EARLIER_FUNCTIONS =
            List.of("checkout-function", "email-function", "warehouse-function", "rewards-function");

    static Stream<Arguments> pairsOfFunctions() {
        List<FunctionResource> functions = TEMPLATE.functions();
        return functions.stream()
                .flatMap(module -> functions.stream()
                        .filter(other -> !other.equals(module))
                        .map(other -> Arguments.of(
                                module.codeUri() + " knows nothing of " + other.codeUri(), module, other)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairsOfFunctions")
    void noFunctionModuleNamesAnotherFunction(String name, FunctionResource module, FunctionResource other) {
        String otherPackage =
                other.handlerClass().substring(0, other.handlerClass().lastIndexOf('.') + 1);

        assertThat(filesMentioning(module.codeUri(), other.codeUri(), otherPackage))
                .as("files of %s naming %s or %s", module.codeUri(), other.codeUri(), otherPackage)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"checkout-function", "email-function", "warehouse-function", "rewards-function"})
    void theFunctionsBeforeAnalyticsDoNotMentionIt(String module) {
        assertThat(filesMentioning(module, "analytics"))
                .as("files of %s mentioning analytics", module)
                .isEmpty();
    }

    @Test
    void theCommitsThatAddedAnalyticsTouchedNoOtherFunction() {
        assumeTrue(Files.exists(REPOSITORY.root().resolve(".git")), "needs the git history, absent from this copy");
        assumeTrue(
                git("rev-parse", "--is-shallow-repository").equals(List.of("false")),
                "needs the whole git history; this clone is shallow");
        // The first commit of each part of the change; later commits (say, one that tunes every function) are not it.
        Set<String> commits = new LinkedHashSet<>();
        commits.addAll(oldest(git("log", "--format=%H", "--diff-filter=A", "--", "analytics-function/pom.xml")));
        commits.addAll(oldest(git("log", "--format=%H", "-S", "AnalyticsFunction", "--", "template.yaml")));
        commits.addAll(oldest(git("log", "--format=%H", "-S", "<module>analytics-function</module>", "--", "pom.xml")));

        assertThat(commits).as("commits that added the analytics subscriber").hasSize(3);
        for (String commit : commits) {
            assertThat(git("show", "--name-only", "--format=", commit))
                    .as("files changed by %s", commit)
                    .noneMatch(file -> EARLIER_FUNCTIONS.stream().anyMatch(module -> file.startsWith(module + "/")));
        }
    }

    private static List<String> oldest(List<String> newestFirst) {
        return newestFirst.isEmpty() ? List.of() : List.of(newestFirst.get(newestFirst.size() - 1));
    }

    /**
     * Files of a module (its pom and sources, not build output) containing any of {@code words}, case-insensitively.
     */
    private static List<Path> filesMentioning(String module, String... words) {
        Path folder = REPOSITORY.root().resolve(module);
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !folder.relativize(file).startsWith("target"))
                    .filter(file -> {
                        String text = read(file).toLowerCase(Locale.ROOT);
                        return Stream.of(words).anyMatch(word -> text.contains(word.toLowerCase(Locale.ROOT)));
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static List<String> git(String... arguments) {
        List<String> command =
                new ArrayList<>(List.of("git", "-C", REPOSITORY.root().toString()));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + String.join(" ", command), e);
        }
    }
}
