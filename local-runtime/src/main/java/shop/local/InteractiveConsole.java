package shop.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import shop.local.bus.Ledger;
import shop.local.bus.Redrive;

/**
 * Serving until stopped, with commands typed on standard input: {@code redrive [Function]}, {@code status},
 * {@code quit}.
 */
final class InteractiveConsole {

    private InteractiveConsole() {}

    /** Serves until Ctrl-C, or 'quit' on standard input; other commands: redrive [Function], status. */
    static int serve(LocalRuntime runtime, PrintStream out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // Ctrl-C: let the runtime finish (or dead-letter) what the bus accepted before the JVM goes.
        Thread hook = new Thread(
                () -> {
                    stopped.countDown();
                    try {
                        closed.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "run-local-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Serving. Commands: redrive [Function] | status | quit   (Ctrl-C stops too)");
        Thread commands = new Thread(() -> readCommands(runtime, out, stopped), "run-local-commands");
        commands.setDaemon(true);
        commands.start();
        stopped.await();
        out.println("run-local: stopping; pending deliveries get 10 s to finish, the rest are dead-lettered");
        try {
            runtime.close();
        } finally {
            closed.countDown();
        }
        return 0;
    }

    private static void readCommands(LocalRuntime runtime, PrintStream out, CountDownLatch stopped) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.trim().split("\\s+");
                switch (words[0]) {
                    case "" -> {}
                    case "quit", "exit" -> {
                        stopped.countDown();
                        return;
                    }
                    case "redrive" -> {
                        try {
                            Redrive.Result result =
                                    runtime.redrive(words.length > 1 ? Optional.of(words[1]) : Optional.empty());
                            result.skipped().forEach(skip -> out.println("redrive: skipped " + skip));
                            out.println("redrive: " + result.eventIds().size() + " event(s) sent back through the bus");
                        } catch (IllegalArgumentException e) {
                            out.println("redrive: " + e.getMessage());
                        }
                    }
                    case "status" -> {
                        List<Ledger.Event> events = runtime.ledger().events();
                        long pending = events.stream()
                                .flatMap(e -> e.deliveries().stream())
                                .filter(d -> d.outcome() == Ledger.Outcome.PENDING)
                                .count();
                        out.println("status: " + events.size() + " event(s) accepted, " + pending
                                + " delivery(ies) pending, "
                                + runtime.deadLetters().list(Optional.empty()).size()
                                + " dead letter(s) stored; unaccounted: "
                                + (pending > 0
                                        ? "(wait until nothing is pending)"
                                        : runtime.unaccounted().isEmpty() ? "none" : runtime.unaccounted()));
                    }
                    default -> out.println("commands: redrive [Function] | status | quit");
                }
            }
        } catch (IOException e) {
            out.println("run-local: standard input closed (" + e.getMessage() + "); still serving until Ctrl-C");
        }
        // End of input (run in the background): keep serving until stopped.
    }
}
