package shop.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The log of one invocation: every line is one JSON object with top-level fields {@code timestamp}, {@code level}
 * (INFO, WARN or ERROR), {@code function} (the template's logical id), {@code event}, {@code requestId},
 * {@code traceId} (null outside a traced invocation), then the fields added with {@link #and} and those of the call.
 *
 * <p>Lines go to the runtime as bytes with their level ({@code LambdaLogger.log(byte[], LogLevel)}): the Java runtime
 * interface client neither wraps bytes in its own JSON nor escapes them, and drops a line below the function's
 * {@code ApplicationLogLevel} ({@code AWS_LAMBDA_LOG_LEVEL}). A {@code String} given to {@code log} would instead
 * become an escaped {@code message} of level UNDEFINED under {@code LogFormat: JSON}.
 *
 * <p>Callers pass identifiers and outcomes only: customer emails, names and addresses are personal data and never
 * belong in a log. Immutable; {@link #and} answers a copy. Thread-safe if the runtime's logger is.
 */
public final class StructuredLog {

    /** The fields every line carries, in this order; no caller field may take one of these names. */
    public static final List<String> STANDARD_FIELDS =
            List.of("timestamp", "level", "function", "event", "requestId", "traceId");

    private final String function;
    private final LambdaLogger logger;
    private final String requestId;
    private final String traceId;
    private final List<Object> fields;
    // The standard names and the carried ones, each checked once in and(): a line then checks only its own names.
    private final Set<String> takenNames;

    /** The log of the invocation {@code context} belongs to, for the template function {@code function}. */
    public StructuredLog(String function, Context context) {
        this(
                function,
                context.getLogger(),
                context.getAwsRequestId(),
                TraceHeader.current().map(TraceHeader::traceIdOf).orElse(null),
                List.of(),
                Set.copyOf(STANDARD_FIELDS));
    }

    private StructuredLog(
            String function,
            LambdaLogger logger,
            String requestId,
            String traceId,
            List<Object> fields,
            Set<String> takenNames) {
        this.function = function;
        this.logger = logger;
        this.requestId = requestId;
        this.traceId = traceId;
        this.fields = fields;
        this.takenNames = takenNames;
    }

    /** A copy that writes {@code name: value} on every line, e.g. {@code and("orderId", id)}. */
    public StructuredLog and(String name, Object value) {
        checkNames(new Object[] {name, value});
        List<Object> more = new ArrayList<>(fields);
        more.add(name);
        more.add(value);
        Set<String> names = new HashSet<>(takenNames);
        names.add(name);
        // Not List.copyOf, which refuses null: a carried value may be null, as a poison event's orderId is.
        return new StructuredLog(
                function, logger, requestId, traceId, Collections.unmodifiableList(more), Set.copyOf(names));
    }

    /** Writes a line at INFO; {@code nameValuePairs} alternate field name and value. */
    public void info(String event, Object... nameValuePairs) {
        write(LogLevel.INFO, event, nameValuePairs);
    }

    /** Writes a line at WARN, for failures that will be retried or dead-lettered, or that a client caused. */
    public void warn(String event, Object... nameValuePairs) {
        write(LogLevel.WARN, event, nameValuePairs);
    }

    /** Writes a line at ERROR, for failures that need someone to act. */
    public void error(String event, Object... nameValuePairs) {
        write(LogLevel.ERROR, event, nameValuePairs);
    }

    private void write(LogLevel level, String event, Object... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "Log fields of " + event + " come in name/value pairs, got " + nameValuePairs.length + " values");
        }
        checkNames(nameValuePairs);
        JsonLine line = new JsonLine()
                .field("timestamp", Instant.now().toString())
                .field("level", level.name())
                .field("function", function)
                .field("event", event)
                .field("requestId", requestId)
                .field("traceId", traceId);
        for (int i = 0; i < fields.size(); i += 2) {
            line.field((String) fields.get(i), fields.get(i + 1));
        }
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            line.field((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        logger.log(line.end(), level);
    }

    /**
     * A name that is not text, repeated, standard or carried is a caller's bug: fail where it is made, naming it. The
     * carried names were checked when {@link #and} added them, so only {@code nameValuePairs} are checked here.
     */
    private void checkNames(Object[] nameValuePairs) {
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (!(nameValuePairs[i] instanceof String name) || name.isBlank()) {
                throw new IllegalArgumentException(
                        "Log field name at position " + i + " is not a non-blank string: " + nameValuePairs[i]);
            }
            if (takenNames.contains(name) || givenBefore(nameValuePairs, i)) {
                throw new IllegalArgumentException(
                        "Log field '" + name + "' is given twice or is a standard field " + STANDARD_FIELDS);
            }
        }
    }

    /** Whether the name at {@code position} is among the earlier names: a line has a handful, so no set is built. */
    private static boolean givenBefore(Object[] nameValuePairs, int position) {
        for (int i = 0; i < position; i += 2) {
            if (nameValuePairs[i].equals(nameValuePairs[position])) {
                return true;
            }
        }
        return false;
    }
}
