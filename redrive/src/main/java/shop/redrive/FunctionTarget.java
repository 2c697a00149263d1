package shop.redrive;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function to redrive into, from {@code --function}: a name, a partial ARN ({@code ACCOUNT:function:NAME}) or an
 * ARN, each optionally with {@code :ALIAS} or {@code :VERSION}.
 *
 * <p>Without a qualifier the target is the {@value #DEFAULT_ALIAS} alias, not {@code $LATEST}: the template publishes
 * every consumer behind that alias (SnapStart runs on published versions only) and attaches the on-failure destination
 * to it, so only there does a redrive that fails again land back in the dead-letter queue. {@code $LATEST} is refused
 * for that reason.
 *
 * @param function the name or ARN without qualifier, as Lambda's {@code FunctionName} accepts it
 * @param name the bare function name, to compare with the function a dead letter names
 * @param qualifier the alias or version invoked
 */
public record FunctionTarget(String function, String name, String qualifier) {

    /** {@code AutoPublishAlias} of template.yaml's functions (a test reads the template to prove it). */
    public static final String DEFAULT_ALIAS = "live";

    // [arn:PARTITION:lambda:REGION:]ACCOUNT:function:NAME[:QUALIFIER], or NAME[:QUALIFIER].
    private static final Pattern QUALIFIED_ARN = Pattern.compile(
            "((?:arn:[a-z-]+:lambda:[a-z0-9-]+:)?\\d{12}:function:([A-Za-z0-9_-]{1,64}))(?::([A-Za-z0-9$_-]{1,128}))?");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9_-]{1,64})(?::([A-Za-z0-9$_-]{1,128}))?");

    /** Parses {@code --function}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static FunctionTarget parse(String value) {
        Optional<FunctionTarget> target = read(value);
        if (target.isEmpty()) {
            throw new IllegalArgumentException(
                    "--function must be a function name or ARN, optionally with :ALIAS, not '" + ErrorText.of(value)
                            + "'");
        }
        if ("$LATEST".equals(target.get().qualifier())) {
            throw new IllegalArgumentException("--function names $LATEST: events redriven there bypass the "
                    + DEFAULT_ALIAS + " alias and its on-failure destination, so one that fails again would be lost; "
                    + "leave the qualifier out to use " + DEFAULT_ALIAS);
        }
        return target.get();
    }

    /** The bare function name in a function ARN, qualified or not, as dead letters carry it; empty if it is none. */
    public static Optional<String> nameIn(String functionArn) {
        return read(functionArn).map(FunctionTarget::name);
    }

    /** Whether {@code functionArn} (a dead letter's target) is this function, whichever alias or version it names. */
    public boolean isFunctionOf(String functionArn) {
        return nameIn(functionArn).filter(name::equals).isPresent();
    }

    /** As the operator would type it back, for messages. */
    @Override
    public String toString() {
        return function + ":" + qualifier;
    }

    private static Optional<FunctionTarget> read(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher arn = QUALIFIED_ARN.matcher(value);
        if (arn.matches()) {
            return Optional.of(new FunctionTarget(arn.group(1), arn.group(2), qualifierOrDefault(arn.group(3))));
        }
        Matcher name = QUALIFIED_NAME.matcher(value);
        if (name.matches()) {
            return Optional.of(new FunctionTarget(name.group(1), name.group(1), qualifierOrDefault(name.group(2))));
        }
        return Optional.empty();
    }

    private static String qualifierOrDefault(String qualifier) {
        return qualifier == null ? DEFAULT_ALIAS : qualifier;
    }
}
