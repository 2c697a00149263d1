package shop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as the README uses it: one order through the system, its block, and an honest exit status. */
class RunLocalIT {

    @TempDir
    Path data;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void onceSendsTheSampleOrderThroughPrintsItsBlockAndExitsZero() {
        int status = run(
                "--once", sample("post-order-rewards-signup.json"), "--parameter", "SenderAddress=orders@shop.example");

        assertThat(status).as(output()).isZero();
        assertThat(output())
                .contains("API       POST")
                .contains("POST /orders -> 202")
                .contains("-- order ")
                .containsPattern("RewardsFunction +ok")
                .containsPattern(
                        "once: HTTP 202; 1 event\\(s\\), \\d+ delivery\\(ies\\): (\\d+) succeeded, 0 dead-lettered");
    }

    @Test
    void onceWithAnInvalidOrderShowsThe400BodyAndExitsOne() {
        int status =
                run("--once", sample("post-order-invalid.json"), "--parameter", "SenderAddress=orders@shop.example");

        assertThat(status).isEqualTo(1);
        assertThat(output())
                .contains("POST /orders -> 400")
                .contains("\"type\"")
                .contains("once: HTTP 400; 0 event(s)");
    }

    @Test
    void missingParameterFailsAtStartNamingItAndWhereItIsUsed() {
        int status = run("--once", sample("post-order-rewards-signup.json"));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("EmailFunction.Environment.Variables.SENDER_ADDRESS refers to parameter SenderAddress")
                .contains("--parameter SenderAddress=");
    }

    @Test
    void redriveWithNothingDeadLetteredExitsZero() {
        int status = run("redrive", "--parameter", "SenderAddress=orders@shop.example");

        assertThat(status).as(output()).isZero();
        assertThat(output()).contains("redrive: 0 event(s) sent back through the bus");
    }

    @Test
    void unknownOptionIsRefusedWithTheUsage() {
        int status = run("--prot", "3000");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown argument '--prot'")
                .contains("usage: run-local");
    }

    private int run(String... arguments) {
        String[] all = new String[arguments.length + 6];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(
                new String[] {
                    "--template",
                    LocalSystem.template().toString(),
                    "--data",
                    data.toString(),
                    "--retry-speedup",
                    "6000"
                },
                0,
                all,
                arguments.length,
                6);
        return RunLocal.run(
                all,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String sample(String name) {
        return LocalSystem.sample("api-gateway/" + name).toString();
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}
