package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.template.SamTemplate;

class SamBuildPlanTest {

    @Test
    void listsEachFunctionWithItsBuildFolderHandlerAndEnvironment() {
        SamTemplate template = SamTemplate.load(Path.of("src/test/resources/templates/placeholders.yaml"));

        List<String> lines = SamBuildPlan.lines(template);

        assertThat(lines)
                .singleElement()
                .satisfies(line -> assertThat(line.split("\t"))
                        .startsWith("SomeFunction", "some-function", "shop.some.SomeHandler", "handleRequest")
                        .contains("BUS=Bus", "SENDER=orders@shop.example", "AWS_REGION=eu-west-1"));
    }

    @Test
    void listsEveryFunctionOfTheRepositoryTemplate() {
        SamTemplate template = SamTemplate.load(SamTemplate.locate(Path.of("")));

        assertThat(SamBuildPlan.lines(template))
                .hasSameSizeAs(template.functions())
                .allSatisfy(line -> assertThat(line.split("\t").length).isGreaterThan(4));
    }
}
