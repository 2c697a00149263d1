package shop.benchmarks.size;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

/**
 * Each function's deployment artifact as {@code sam build} lays it out and {@code sam deploy} zips it: the compiled
 * classes at the root and the runtime jars under {@code lib/}. Zips it (deflate, as SAM does), reports the size against
 * the 8 MB budget with the largest jars, and fails if a heavy HTTP client slipped into {@code lib/}.
 *
 * <pre>PackageSizes [--out benchmarks/target/sizes]</pre>
 */
public final class PackageSizes {

    /** The budget from the performance goals: every artifact under 8 MB (MiB, as the Lambda console counts). */
    static final long BUDGET_BYTES = 8L * 1024 * 1024;

    /** Jars our functions exclude; the SDK's service modules pull them in by default. */
    static final List<String> EXCLUDED_CLIENTS = List.of("apache-client", "apache5-client", "netty-nio-client");

    private PackageSizes() {}

    public static void main(String[] args) throws IOException {
        Path root = SamTemplate.locate(Path.of("")).getParent();
        Path out = args.length == 2 && args[0].equals("--out")
                ? Path.of(args[1])
                : root.resolve("benchmarks/target/sizes");
        Files.createDirectories(out);
        SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));
        StringBuilder table =
                new StringBuilder("| function | zipped artifact | of which lib/ jars | classes | within 8 MB |"
                        + " largest jars |\n|---|---|---|---|---|---|\n");
        List<String> problems = new ArrayList<>();
        for (FunctionResource function : template.functions()) {
            Path module = root.resolve(function.codeUri());
            Path zip = out.resolve(function.logicalId() + ".zip");
            Artifact artifact = zip(module.resolve("target/classes"), module.resolve("target/dependency"), zip);
            artifact.jars().keySet().stream()
                    .filter(jar -> EXCLUDED_CLIENTS.stream().anyMatch(jar::startsWith))
                    .forEach(jar -> problems.add(function.logicalId() + " ships " + jar));
            String largest = artifact.jars().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(4)
                    .map(jar -> jar.getKey().replaceFirst("-[0-9][^-]*\\.jar$", "") + " " + mib(jar.getValue()))
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            long zipped = Files.size(zip);
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s |%n",
                    function.logicalId(),
                    mib(zipped),
                    mib(artifact.jarBytes()),
                    kib(artifact.classBytes()),
                    zipped < BUDGET_BYTES ? "yes" : "**no**",
                    largest));
        }
        Files.writeString(out.resolve("sizes.md"), table);
        System.out.println(table);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Heavy HTTP clients in deployment artifacts: " + problems);
        }
    }

    /** What went into one zip: jar name to size, and the bytes of the class directory's files. */
    record Artifact(Map<String, Long> jars, long classBytes) {
        long jarBytes() {
            return jars.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static Artifact zip(Path classes, Path dependencies, Path zip) {
        Map<String, Long> jars = new TreeMap<>();
        long classBytes = 0;
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Path path : files(classes)) {
                classBytes += Files.size(path);
                add(out, classes.relativize(path).toString().replace('\\', '/'), path);
            }
            for (Path jar : files(dependencies)) {
                jars.put(jar.getFileName().toString(), Files.size(jar));
                add(out, "lib/" + jar.getFileName(), jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot zip " + classes + " and " + dependencies, e);
        }
        return new Artifact(jars, classBytes);
    }

    private static void add(ZipOutputStream out, String name, Path path) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        Files.copy(path, out);
        out.closeEntry();
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(
                    folder + " is missing: build and lay out the functions first (benchmarks/run.sh)");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1024.0 / 1024.0);
    }

    static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }
}
