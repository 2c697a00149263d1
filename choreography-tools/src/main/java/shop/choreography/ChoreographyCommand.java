package shop.choreography;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import shop.choreography.impact.Impact;

/**
 * Command line of the choreography tools, run from the repository: {@code ./mvnw -q -pl choreography-tools compile
 * exec:java -Dexec.args="impact customer.email"}.
 *
 * <ul>
 *   <li>{@code impact <field>}: the rules and consumers a change to that OrderCreated field affects
 *   <li>{@code map}: redraws the choreography map into README.md and docs/choreography-map.svg
 *   <li>{@code check}: everything the build checks, with every problem listed
 * </ul>
 */
public final class ChoreographyCommand {

    private static final String USAGE = "usage: impact <field, e.g. customer.email or items[].sku> | map | check";

    private ChoreographyCommand() {}

    public static void main(String[] args) {
        int status = run(args, RepositoryFiles.around(Path.of("")), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; returns the process exit status (0 success, 1 problems found, 2 bad usage). */
    static int run(String[] args, RepositoryFiles files, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        Choreography choreography = Choreography.load(files);
        switch (args[0]) {
            case "impact" -> {
                if (args.length != 2) {
                    err.println(USAGE);
                    return 2;
                }
                try {
                    Impact impact = choreography.impactAnalysis().of(args[1]);
                    out.print(impact.report());
                    return 0;
                } catch (IllegalArgumentException e) {
                    err.println(e.getMessage());
                    return 2;
                }
            }
            case "map" -> {
                List<String> written = choreography.drawMap();
                written.forEach(file -> out.println("wrote " + file));
                if (written.size() < 2) {
                    err.println("README.md not found: only the SVG was drawn");
                    return 1;
                }
                return 0;
            }
            case "check" -> {
                List<String> problems = choreography.problems();
                problems.forEach(err::println);
                out.println(
                        problems.isEmpty()
                                ? "choreography: schemas, contracts, rules and map agree"
                                : problems.size() + " problem(s)");
                return problems.isEmpty() ? 0 : 1;
            }
            default -> {
                err.println(USAGE);
                return 2;
            }
        }
    }
}
