package shop.checks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Small handlers, well and badly formed, for {@link HandlerProbeTest} to load. */
final class ProbeSubjects {

    private ProbeSubjects() {}

    /** Starts with any environment. */
    public static final class Starts implements RequestHandler<Map<String, String>, String> {
        public Starts() {
            this(Map.of());
        }

        public Starts(Map<String, String> environment) {
            // Nothing to configure.
        }

        @Override
        public String handleRequest(Map<String, String> input, Context context) {
            return "ok";
        }
    }

    /** Fails the way a handler missing a variable does. */
    public static final class FailsToStart implements RequestHandler<Map<String, String>, String> {
        public FailsToStart() {
            this(Map.of());
        }

        public FailsToStart(Map<String, String> environment) {
            throw new IllegalStateException("Missing environment variable TABLE_NAME");
        }

        @Override
        public String handleRequest(Map<String, String> input, Context context) {
            return "never";
        }
    }

    /** Has no environment constructor, so nothing can hand it a placeholder environment. */
    public static final class NoEnvironmentConstructor implements RequestHandler<Map<String, String>, String> {
        @Override
        public String handleRequest(Map<String, String> input, Context context) {
            return "ok";
        }
    }

    /** Not a Lambda handler at all. */
    public static final class NotAHandler {
        public NotAHandler(Map<String, String> environment) {
            // Nothing to configure.
        }

        public String handleRequest(String input) {
            return input;
        }
    }
}
