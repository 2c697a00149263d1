package shop.choreography;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import shop.choreography.compatibility.PublishedSchemas;
import shop.choreography.contracts.ContractChecks;
import shop.choreography.contracts.SampleEvent;
import shop.choreography.contracts.Subscriber;
import shop.choreography.contracts.Subscribers;
import shop.choreography.impact.ImpactAnalysis;
import shop.choreography.map.ChoreographyMap;
import shop.choreography.map.MermaidMap;
import shop.choreography.map.ReadmeMap;
import shop.choreography.map.SvgMap;
import shop.events.OrderCreatedEvent;
import shop.template.SamTemplate;

/**
 * The choreography as the repository's files declare it: the template, every published OrderCreated schema, each
 * subscriber's contract and the sample events. Every check, the impact analysis and the map start here.
 */
public record Choreography(
        RepositoryFiles files,
        SamTemplate template,
        PublishedSchemas producer,
        List<Subscriber> subscribers,
        List<SampleEvent> samples) {

    /** The command that redraws the map into README.md and docs/; failure messages tell it. */
    public static final String MAP_COMMAND = "./mvnw -q -pl choreography-tools compile exec:java -Dexec.args=map";

    /** Reads everything from the repository's files. */
    public static Choreography load(RepositoryFiles files) {
        SamTemplate template = SamTemplate.load(files.template());
        return new Choreography(
                files,
                template,
                PublishedSchemas.load(
                        OrderCreatedEvent.DETAIL_TYPE,
                        files.orderCreatedSchemas(),
                        OrderCreatedEvent.PUBLISHED_VERSIONS),
                Subscribers.of(template, files),
                SampleEvent.under(files.eventBridgeSamples()));
    }

    /** Every reason the build must fail: incompatible minors, contract or rule drift, an out-of-date map. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(producer.problems());
        problems.addAll(ContractChecks.all(subscribers, producer, samples));
        problems.addAll(mapProblems());
        return problems;
    }

    public ImpactAnalysis impactAnalysis() {
        return new ImpactAnalysis(subscribers, producer);
    }

    public ChoreographyMap map() {
        return ChoreographyMap.from(template);
    }

    /** The README block the template calls for. */
    public String readmeBlock() {
        return ReadmeMap.block(MermaidMap.render(map()), MAP_COMMAND);
    }

    /** The SVG the template calls for. */
    public String svg() {
        return SvgMap.render(map(), "Generated from template.yaml by " + MAP_COMMAND + " - do not edit by hand");
    }

    /** Why the drawn map differs from the template; empty when README.md and the SVG are current. */
    public List<String> mapProblems() {
        List<String> problems = new ArrayList<>();
        Optional<String> readme = read(files.readme());
        if (readme.isEmpty()) {
            problems.add("README.md is missing, so it has no choreography map; write it, then run " + MAP_COMMAND);
        } else if (!ReadmeMap.current(readme.get()).equals(Optional.of(readmeBlock()))) {
            problems.add("The choreography map in README.md is out of date with template.yaml; run " + MAP_COMMAND);
        }
        if (!read(files.mapSvg()).equals(Optional.of(svg()))) {
            problems.add(
                    files.root().relativize(files.mapSvg()) + " is out of date with template.yaml; run " + MAP_COMMAND);
        }
        return problems;
    }

    /** Redraws the map into README.md (between its markers, added at the end when absent) and the SVG. */
    public List<String> drawMap() {
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(files.mapSvg().getParent());
            Files.writeString(files.mapSvg(), svg());
            written.add(files.mapSvg().toString());
            Optional<String> readme = read(files.readme());
            if (readme.isPresent()) {
                Files.writeString(files.readme(), ReadmeMap.withBlock(readme.get(), readmeBlock()));
                written.add(files.readme().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the choreography map", e);
        }
        return written;
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
