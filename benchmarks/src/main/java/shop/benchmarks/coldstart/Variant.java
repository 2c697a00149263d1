package shop.benchmarks.coldstart;

import java.util.List;

/**
 * One way of starting a function: which handler and class path (ours as SAM packages it, or the naive baseline), which
 * JVM flags, whether an AppCDS archive is used and whether the SnapStart hooks run before the invocation.
 *
 * @param key short name used in tables and result files
 */
public record Variant(
        String key, String description, Build build, List<String> jvmFlags, boolean classDataSharing, boolean primed) {

    /** Which handler and jars a variant runs. */
    public enum Build {
        /** A main that returns: the JVM's own start and stop. */
        EMPTY,
        /** The naive handler with the SDK's default HTTP clients on the class path. */
        NAIVE,
        /** Our handler, classes and jars exactly as SAM packages the function. */
        OURS,
        /** As {@link #OURS}, started by the real Lambda runtime interface client instead of the probe. */
        RIC
    }

    /** What the Lambda java17 and java21 runtimes start every JVM with (C1 only, serial GC), per the Lambda docs. */
    public static final List<String> LAMBDA_DEFAULT_FLAGS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    public static final Variant EMPTY_JVM =
            new Variant("empty-jvm", "a main that returns, no flags", Build.EMPTY, List.of(), false, false);
    public static final Variant NAIVE = new Variant(
            "naive",
            "default SDK builder (Apache client, region and credential"
                    + " discovery), default ObjectMapper, no JVM flags",
            Build.NAIVE,
            List.of(),
            false,
            false);
    public static final Variant NAIVE_LAMBDA_FLAGS = new Variant(
            "naive+lambda-flags",
            "the naive build with the" + " flags Lambda's java21 runtime sets anyway",
            Build.NAIVE,
            LAMBDA_DEFAULT_FLAGS,
            false,
            false);
    public static final Variant OURS_NO_FLAGS =
            new Variant("ours-no-flags", "our handler and package, no JVM flags", Build.OURS, List.of(), false, false);
    public static final Variant OURS = new Variant(
            "ours",
            "our handler and package with Lambda's java21 default" + " flags",
            Build.OURS,
            LAMBDA_DEFAULT_FLAGS,
            false,
            false);
    public static final Variant OURS_APPCDS = new Variant(
            "ours+appcds",
            "as ours, plus a dynamic AppCDS archive from" + " a training run",
            Build.OURS,
            LAMBDA_DEFAULT_FLAGS,
            true,
            false);
    public static final Variant OURS_PRIMED = new Variant(
            "ours+primed",
            "as ours, SnapStart hooks run before the"
                    + " invocation (the invocation stands for the first after a restore)",
            Build.OURS,
            LAMBDA_DEFAULT_FLAGS,
            false,
            true);

    public static final Variant OURS_RIC = new Variant(
            "ours+ric",
            "our package started by the real Lambda runtime"
                    + " interface client (AWSLambda) against a loopback Runtime API, with"
                    + " Lambda's java21 flags: process start to"
                    + " the first next call (Init), then to the first response",
            Build.RIC,
            LAMBDA_DEFAULT_FLAGS,
            false,
            false);

    /** Every variant, in the order tables list them. */
    public static final List<Variant> ALL =
            List.of(EMPTY_JVM, NAIVE, NAIVE_LAMBDA_FLAGS, OURS_NO_FLAGS, OURS, OURS_APPCDS, OURS_PRIMED, OURS_RIC);

    /** The variant called {@code key}. */
    public static Variant byKey(String key) {
        return ALL.stream()
                .filter(variant -> variant.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No variant " + key + "; known: "
                        + ALL.stream().map(Variant::key).toList()));
    }
}
