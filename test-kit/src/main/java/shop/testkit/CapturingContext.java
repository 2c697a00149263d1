package shop.testkit;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import shop.wiring.InvocationContext;

/** A Lambda context whose logger keeps every line, so tests can read what a handler logged. Thread-safe. */
public final class CapturingContext extends InvocationContext implements LambdaLogger {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** A context for {@code function}, named as in template.yaml. */
    public CapturingContext(String function) {
        super(function, "test-request");
    }

    /** Every line logged so far, oldest first. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Everything logged so far as one string, for "never contains" checks. */
    public String all() {
        return String.join("\n", lines);
    }

    @Override
    public void log(String message) {
        lines.add(message);
    }

    @Override
    public void log(byte[] message) {
        lines.add(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public LambdaLogger getLogger() {
        return this;
    }
}
