package shop.wiring;

import java.util.Optional;

/**
 * The X-Ray trace header of the invocation in progress, as the Lambda runtime hands it to the function: the Java
 * runtime interface client sets the system property {@code com.amazonaws.xray.traceHeader} before each invocation (and
 * clears it when an invocation has none); other runtimes set the variable {@code _X_AMZN_TRACE_ID}.
 *
 * <p>SDK v2 reads the same two places to put {@code X-Amzn-Trace-Id} on every AWS call, so what we log is what every
 * call of the invocation carries.
 */
public final class TraceHeader {

    /** Set per invocation by the Java runtime interface client. */
    public static final String PROPERTY = "com.amazonaws.xray.traceHeader";

    /** Set by Lambda in the environment of runtimes that cannot change it per invocation. */
    public static final String VARIABLE = "_X_AMZN_TRACE_ID";

    private TraceHeader() {}

    /** The whole header of the current invocation, e.g. {@code Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1}. */
    public static Optional<String> current() {
        return Optional.ofNullable(System.getProperty(PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(VARIABLE)))
                .filter(header -> !header.isBlank());
    }

    /**
     * The trace id of a header, its {@code Root} part ({@code 1-5759e988-bd862e3fe1be46a994272793}), which X-Ray and
     * CloudWatch show and search by; the whole header when it has no {@code Root}.
     */
    public static String traceIdOf(String header) {
        for (String part : header.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith("Root=")) {
                return trimmed.substring("Root=".length());
            }
        }
        return header;
    }
}
