package shop.checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

/**
 * Prints what {@code sam build} would build, one tab-separated line per function of {@code template.yaml}: logical id,
 * CodeUri, handler class, handler method, then {@code NAME=value} for each variable of its placeholder environment.
 * {@code sam-build-check.sh} reads it so that the script never parses YAML itself.
 */
public final class SamBuildPlan {

    private SamBuildPlan() {}

    /** {@code args[0]}: the template, or a folder to search upwards from; the current folder when absent. */
    public static void main(String[] args) {
        Path start = Path.of(args.length > 0 ? args[0] : "");
        SamTemplate template = SamTemplate.load(start.toString().endsWith(".yaml") ? start : SamTemplate.locate(start));
        lines(template).forEach(System.out::println);
    }

    /** The plan as lines, in template order. */
    public static List<String> lines(SamTemplate template) {
        List<String> lines = new ArrayList<>();
        for (FunctionResource function : template.functions()) {
            List<String> fields = new ArrayList<>(List.of(
                    function.logicalId(), function.codeUri(), function.handlerClass(), function.handlerMethod()));
            PlaceholderEnvironment.of(template, function).forEach((name, value) -> fields.add(name + "=" + value));
            lines.add(String.join("\t", fields));
        }
        return lines;
    }
}
