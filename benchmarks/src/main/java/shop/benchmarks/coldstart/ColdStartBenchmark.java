package shop.benchmarks.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import shop.runtime.RuntimeApi;
import shop.runtime.RuntimeProcess;
import shop.template.SamTemplate;

/**
 * The cold-start benchmark: for each function and variant, starts fresh JVMs against a loopback AWS stand-in and times
 * the whole process and its parts. Variants run interleaved in a shuffled order every round, so the machine's noise
 * (other builds on a 2-core box) falls on all of them alike.
 *
 * <pre>
 * ColdStartBenchmark [--rounds 12] [--java /path/to/bin/java] [--out benchmarks/target/cold-start]
 *                    [--variants naive,ours,...] [--functions CheckoutFunction,...] [--jvm-args "-Xlog:..."]
 * </pre>
 *
 * Needs the functions laid out as SAM packages them ({@code target/classes} plus {@code target/dependency}, see
 * {@code benchmarks/run.sh}). Writes {@code results.json} and {@code results.md} to the output folder.
 */
public final class ColdStartBenchmark {

    private static final Pattern PROBE_LINE =
            Pattern.compile("probe mainAt=(\\d+) init=(\\d+) prime=(\\d+) invoke=(\\d+) responseBytes=(\\d+)");
    private static final String EMPTY = "-";
    // The one invocation of a cold start under the runtime client, with an unsampled trace as Lambda would send it.
    private static final String REQUEST_ID = "00000000-0000-4000-8000-000000000001";
    private static final String TRACE_HEADER =
            "Root=1-00000000-000000000000000000000001;Parent=0000000000000001;Sampled=0";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

    private final Path root;
    private final Path benchmarks;
    private final String java;
    private final SamTemplate template;
    private final List<FunctionUnderTest> functions;
    private final List<Variant> variants;
    private final Path out;
    private final Path layout;
    private final List<String> diagnosticArgs;

    private ColdStartBenchmark(
            Path root,
            String java,
            List<String> functionNames,
            List<Variant> variants,
            Path out,
            List<String> diagnosticArgs) {
        this.root = root;
        this.benchmarks = root.resolve("benchmarks");
        this.java = java;
        this.template = SamTemplate.load(root.resolve("template.yaml"));
        this.functions = FunctionUnderTest.all(root, template).stream()
                .filter(function -> functionNames.isEmpty() || functionNames.contains(function.logicalId()))
                .toList();
        this.variants = variants;
        this.out = out;
        this.layout = out.resolve("layout");
        this.diagnosticArgs = diagnosticArgs;
    }

    public static void main(String[] args) throws Exception {
        // The stand-in is a JDK HttpServer: without TCP_NODELAY its two-part answers wait out the caller's delayed
        // ACK, 40 ms per AWS call on loopback, which no real function pays. Read once, before the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Map<String, String> options = options(args);
        Path root = SamTemplate.locate(Path.of("")).getParent();
        String java = options.getOrDefault(
                "java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<Variant> variants = options.containsKey("variants")
                ? Stream.of(options.get("variants").split(","))
                        .map(Variant::byKey)
                        .toList()
                : Variant.ALL;
        List<String> functions = options.containsKey("functions")
                ? List.of(options.get("functions").split(","))
                : List.of();
        Path out = Path.of(options.getOrDefault(
                "out", root.resolve("benchmarks/target/cold-start").toString()));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "12"));
        // Diagnostics only (e.g. -Xlog:class+load): they slow every launch, so never for published figures.
        List<String> jvmArgs = options.containsKey("jvm-args")
                ? List.of(options.get("jvm-args").split(" "))
                : List.of();
        new ColdStartBenchmark(root, java, functions, variants, out, jvmArgs).run(rounds);
    }

    private void run(int rounds) throws IOException, InterruptedException {
        Files.createDirectories(out);
        ClassDirectoryJar.deleteFolder(out.resolve("jarred"));
        layOut();
        String javaVersion = javaVersion();
        System.out.println("Cold start: " + rounds + " rounds, " + javaVersion + ", load " + loadAverage());
        for (Variant variant : variants) {
            if (variant.classDataSharing()) {
                for (FunctionUnderTest function : functions) {
                    trainArchive(function, variant);
                }
            }
        }
        List<Job> jobs = jobs();
        Map<Job, List<Launch>> launches = new LinkedHashMap<>();
        jobs.forEach(job -> launches.put(job, new ArrayList<>()));
        // Round 0 warms the page cache and the stand-in's own JIT; it is not recorded.
        for (int round = 0; round <= rounds; round++) {
            List<Job> order = new ArrayList<>(jobs);
            Collections.shuffle(order, new Random(round));
            for (Job job : order) {
                Launch launch = launch(job);
                if (round > 0) {
                    launches.get(job).add(launch);
                }
            }
            System.out.println("round " + round + " done, load " + loadAverage());
        }
        write(javaVersion, rounds, launches);
    }

    /** One entry per function and variant, plus the empty JVM once. */
    private List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        for (Variant variant : variants) {
            if (variant.build() == Variant.Build.EMPTY) {
                jobs.add(new Job(null, variant));
            } else {
                functions.forEach(function -> jobs.add(new Job(function, variant)));
            }
        }
        return jobs;
    }

    private record Job(FunctionUnderTest function, Variant variant) {
        String functionName() {
            return function == null ? EMPTY : function.logicalId();
        }
    }

    private Launch launch(Job job) throws IOException, InterruptedException {
        if (job.function() == null) {
            return time(command(job, List.of()), Map.of(), null, job);
        }
        if (job.variant().build() == Variant.Build.RIC) {
            return underTheRuntime(job);
        }
        try (LoopbackAws aws = new LoopbackAws(template.tables(), FunctionUnderTest.BUS)) {
            List<String> extra = job.variant().classDataSharing()
                    ? List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive(job.function(), job.variant()))
                    : List.of();
            Launch launch = time(command(job, extra), environment(job.function(), aws), aws, job);
            if (!job.function().firstInvocationDone().test(aws)) {
                throw new IllegalStateException(
                        job.functionName() + " / " + job.variant().key() + " did not leave "
                                + job.function().expectedEffect() + "; found " + aws.sideEffects(template.tables()));
            }
            return launch;
        }
    }

    /**
     * One cold start under the real runtime interface client: Init is process start to the runtime's first {@code next}
     * call, the invocation from there to the response; the process then idles and is ended, so there is no exit to
     * time. Checked for the function's side effect and a 2xx answer like every other launch.
     */
    private Launch underTheRuntime(Job job) throws IOException, InterruptedException {
        FunctionUnderTest function = job.function();
        String handler = function.handlerClass() + "::handleRequest";
        Path work = Files.createTempDirectory(out, "ric-");
        try (LoopbackAws aws = new LoopbackAws(template.tables(), FunctionUnderTest.BUS);
                RuntimeApi api = RuntimeApi.start(function.logicalId())) {
            Map<String, String> environment = new LinkedHashMap<>(environment(function, aws));
            environment.putAll(RuntimeProcess.lambdaVariables(function.logicalId(), handler, 1024, api));
            environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            List<String> flags = new ArrayList<>(job.variant().jvmFlags());
            flags.addAll(diagnosticArgs);
            Path artifact = layout.resolve(function.logicalId());
            List<Path> classPath = new ArrayList<>(List.of(artifact.resolve("classes")));
            classPath.addAll(jars(artifact.resolve("lib")));
            long start = System.nanoTime();
            RuntimeApi.Outcome outcome;
            try (RuntimeProcess runtime = RuntimeProcess.start(
                    Path.of(java),
                    flags,
                    layout.resolve("runtime-interface-client"),
                    classPath,
                    handler,
                    environment,
                    work)) {
                try {
                    outcome = api.invoke(
                            REQUEST_ID,
                            TRACE_HEADER,
                            Files.readString(function.event()),
                            ANSWER_WITHIN,
                            runtime.process());
                } catch (IllegalStateException | TimeoutException e) {
                    throw new IllegalStateException(
                            job.functionName() + " / " + job.variant().key() + " gave no answer within "
                                    + ANSWER_WITHIN.toSeconds() + " s:\n" + output(runtime),
                            e);
                }
                if (!outcome.succeeded()
                        || (function.handlerClass().contains("Checkout")
                                && !outcome.body().contains("\"statusCode\":202"))) {
                    throw new IllegalStateException(job.functionName() + " / "
                            + job.variant().key() + " answered " + outcome.body() + "\n" + output(runtime));
                }
            }
            if (!function.firstInvocationDone().test(aws)) {
                throw new IllegalStateException(
                        job.functionName() + " / " + job.variant().key() + " did not leave " + function.expectedEffect()
                                + "; found " + aws.sideEffects(template.tables()));
            }
            ClassDirectoryJar.deleteFolder(work);
            double init = (outcome.askedAt() - start) / 1e6;
            double invoke = (outcome.answeredAt() - outcome.askedAt()) / 1e6;
            return new Launch(init + invoke, 0, init, 0, invoke);
        }
    }

    /** What a runtime wrote, once ended, for a failure's message. */
    private static String output(RuntimeProcess runtime) {
        return String.join("\n", runtime.stopAndReadStdout()) + "\n" + runtime.stderr();
    }

    private Launch time(List<String> command, Map<String, String> environment, LoopbackAws aws, Job job)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        List<String> output = new ArrayList<>();
        long startWall = System.currentTimeMillis();
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
            }
        }
        int status = process.waitFor();
        double total = (System.nanoTime() - start) / 1e6;
        Matcher probe = output.stream()
                .map(PROBE_LINE::matcher)
                .filter(Matcher::matches)
                .findFirst()
                .orElse(null);
        if (status != 0 || probe == null) {
            throw new IllegalStateException(
                    job.functionName() + " / " + job.variant().key() + " exited " + status
                            + (aws == null ? "" : " (" + aws.sideEffects(template.tables()) + ")") + ":\n"
                            + String.join("\n", output));
        }
        return new Launch(
                total,
                Long.parseLong(probe.group(1)) - startWall,
                Long.parseLong(probe.group(2)) / 1e6,
                Long.parseLong(probe.group(3)) / 1e6,
                Long.parseLong(probe.group(4)) / 1e6);
    }

    private List<String> command(Job job, List<String> extraFlags) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(job.variant().jvmFlags());
        command.addAll(extraFlags);
        command.addAll(diagnosticArgs);
        if (job.variant().primed()) {
            command.add("-Dorg.crac.Core.Compat=shop.benchmarks.checkpoint");
        }
        command.add("-cp");
        if (job.function() == null) {
            command.add(layout.resolve("runtime").toString());
            command.add("shop.benchmarks.probe.EmptyMain");
            return command;
        }
        FunctionUnderTest function = job.function();
        boolean naive = job.variant().build() == Variant.Build.NAIVE;
        List<String> classPath = classPath(function, naive);
        if (job.variant().classDataSharing()) {
            // CDS refuses non-empty directories on the class path: the same classes, jarred.
            classPath = classPath.stream().map(this::asJar).toList();
        }
        command.add(String.join(File.pathSeparator, classPath));
        command.add("shop.benchmarks.probe.LambdaProbe");
        command.add(naive ? function.naiveHandlerClass() : function.handlerClass());
        command.add(function.event().toString());
        command.add(job.variant().primed() ? "primed" : "plain");
        return command;
    }

    /**
     * The runtime's part first (probe and event serialization, as Lambda's runtime sits on the class path), then the
     * function as SAM packages it; the naive build swaps the URL-connection client for the default ones. Everything
     * comes from the copies {@link #layOut} made, so a rebuild elsewhere during the run cannot change what is timed.
     */
    List<String> classPath(FunctionUnderTest function, boolean naive) {
        List<String> path = new ArrayList<>();
        path.add(layout.resolve("runtime").toString());
        path.add(jarOnOwnClassPath("aws-lambda-java-serialization"));
        Path artifact = layout.resolve(function.logicalId());
        path.add(artifact.resolve("classes").toString());
        for (Path jar : jars(artifact.resolve("lib"))) {
            if (!(naive && jar.getFileName().toString().startsWith("url-connection-client"))) {
                path.add(jar.toString());
            }
        }
        if (naive) {
            jars(layout.resolve("naive-http")).forEach(jar -> path.add(jar.toString()));
        }
        return path;
    }

    /**
     * Copies what the launches run: the probe and naive handlers, each function's classes and jars, the extra clients.
     */
    private void layOut() throws IOException {
        ClassDirectoryJar.deleteFolder(layout);
        copy(benchmarks.resolve("target/classes"), layout.resolve("runtime"));
        copy(benchmarks.resolve("target/naive-http"), layout.resolve("naive-http"));
        copy(benchmarks.resolve("target/runtime-interface-client"), layout.resolve("runtime-interface-client"));
        for (FunctionUnderTest function : functions) {
            copy(
                    function.module().resolve("target/classes"),
                    layout.resolve(function.logicalId()).resolve("classes"));
            copy(
                    function.module().resolve("target/dependency"),
                    layout.resolve(function.logicalId()).resolve("lib"));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IllegalStateException(from + " is missing: lay the functions out first (benchmarks/run.sh does)");
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** {@code entry} itself when it is a jar, else a jar of the directory's files, made once per run. */
    private String asJar(String entry) {
        Path directory = Path.of(entry);
        if (!Files.isDirectory(directory)) {
            return entry;
        }
        Path jar = out.resolve("jarred")
                .resolve(layout.relativize(directory).toString().replace(File.separatorChar, '_') + ".jar");
        if (!Files.exists(jar)) {
            ClassDirectoryJar.write(directory, jar);
        }
        return jar.toString();
    }

    private Map<String, String> environment(FunctionUnderTest function, LoopbackAws aws) {
        Map<String, String> environment = new LinkedHashMap<>(function.environment());
        environment.put("AWS_REGION", "eu-west-1");
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL", aws.endpoint());
        return environment;
    }

    /** A training run that writes the dynamic AppCDS archive the variant then starts with. */
    private void trainArchive(FunctionUnderTest function, Variant variant) throws IOException, InterruptedException {
        Path archive = archive(function, variant);
        Files.deleteIfExists(archive);
        Variant training = new Variant(
                variant.key() + "-training", "training run", variant.build(), variant.jvmFlags(), true, false);
        try (LoopbackAws aws = new LoopbackAws(template.tables(), FunctionUnderTest.BUS)) {
            time(
                    command(new Job(function, training), List.of("-XX:ArchiveClassesAtExit=" + archive)),
                    environment(function, aws),
                    aws,
                    new Job(function, training));
        }
        System.out.println("AppCDS archive for " + function.logicalId() + ": " + Files.size(archive) / 1024 + " KiB");
    }

    private Path archive(FunctionUnderTest function, Variant variant) {
        return out.resolve(function.logicalId() + "-" + variant.key() + ".jsa");
    }

    private static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(
                    folder + " is missing: lay the functions out first (benchmarks/run.sh does)");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jarOnOwnClassPath(String prefix) {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(prefix + " is not on the driver's class path"));
    }

    private String javaVersion() throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.contains("Runtime Environment"))
                .findFirst()
                .orElse("unknown")
                .trim();
        process.waitFor();
        return version;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void write(String javaVersion, int rounds, Map<Job, List<Launch>> launches) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode document = json.createObjectNode()
                .put("measuredAt", Instant.now().toString())
                .put("java", javaVersion)
                .put("rounds", rounds)
                .put("loadAverageAfter", loadAverage())
                .put("cpus", Runtime.getRuntime().availableProcessors());
        ArrayNode variantsNode = document.putArray("variants");
        variants.forEach(variant -> variantsNode
                .addObject()
                .put("key", variant.key())
                .put("description", variant.description())
                .put("flags", String.join(" ", variant.jvmFlags())));
        ArrayNode results = document.putArray("results");
        StringBuilder table =
                new StringBuilder("| function | variant | whole process, median (p10-p90) ms | boot | init |"
                        + " prime | first invoke | exit |\n|---|---|---|---|---|---|---|---|\n");
        launches.forEach((job, runs) -> {
            ObjectNode result = results.addObject()
                    .put("function", job.functionName())
                    .put("variant", job.variant().key());
            Map<String, ToDoubleFunction<Launch>> parts = new LinkedHashMap<>();
            parts.put("total", Launch::total);
            parts.put("boot", Launch::boot);
            parts.put("init", Launch::init);
            parts.put("prime", Launch::prime);
            parts.put("invoke", Launch::invoke);
            parts.put("exit", Launch::exit);
            parts.put("coldStart", Launch::coldStart);
            Map<String, Stats> stats = new LinkedHashMap<>();
            parts.forEach((name, part) -> {
                Stats s = Stats.of(runs.stream().map(part::applyAsDouble).toList());
                stats.put(name, s);
                result.set(name, json.valueToTree(s));
            });
            ArrayNode samples = result.putArray("totals");
            runs.forEach(run -> samples.add(round(run.total())));
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.0f (%.0f-%.0f) | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
                    job.functionName(),
                    job.variant().key(),
                    stats.get("total").median(),
                    stats.get("total").p10(),
                    stats.get("total").p90(),
                    stats.get("boot").median(),
                    stats.get("init").median(),
                    stats.get("prime").median(),
                    stats.get("invoke").median(),
                    stats.get("exit").median()));
        });
        json.writeValue(out.resolve("results.json").toFile(), document);
        Files.writeString(out.resolve("results.md"), table);
        System.out.println(table);
        System.out.println("Wrote " + out.resolve("results.json"));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + List.of(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
