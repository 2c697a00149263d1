package shop.checks;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import shop.events.EventJson;
import shop.events.OrderCreatedEvent;

/**
 * The sample EventBridge envelopes in {@code events/eventbridge/}, loaded the way {@code sam local invoke -e} hands
 * them to a consumer (aws-lambda-java-tests' {@code ScheduledEvent}), and turned back into the JSON EventBridge
 * matches.
 */
final class SampleEnvelopes {

    /** Maven runs the tests in the module folder; the samples live beside it, filed by producer. */
    static final Path FOLDER = Path.of("..", "events", "eventbridge");

    private SampleEnvelopes() {}

    /** The typed envelope of a sample, named relative to {@code events/eventbridge/}. */
    static ScheduledEvent load(String sample) {
        return EventLoader.loadScheduledEvent(FOLDER.resolve(sample).toString());
    }

    /** The envelope as EventBridge sees it, with its JSON field names. */
    static ObjectNode json(String sample) {
        return json(load(sample));
    }

    /** The envelope as EventBridge sees it, with its JSON field names. */
    static ObjectNode json(ScheduledEvent event) {
        ObjectNode envelope = EventJson.mapper().createObjectNode();
        envelope.put("version", event.getVersion());
        envelope.put("id", event.getId());
        // ScheduledEvent calls it detailType; on the wire (and in rule patterns) it is "detail-type".
        envelope.put("detail-type", event.getDetailType());
        envelope.put("source", event.getSource());
        envelope.put("account", event.getAccount());
        envelope.put("time", event.getTime() == null ? null : event.getTime().toString());
        envelope.put("region", event.getRegion());
        envelope.set("resources", EventJson.mapper().valueToTree(event.getResources()));
        envelope.set("detail", EventJson.mapper().valueToTree(event.getDetail()));
        return envelope;
    }

    /**
     * The envelope EventBridge delivers for a detail checkout puts on the bus: the contract's source and detail-type,
     * the rest as in any envelope (the account is the documentation account, not a real one).
     */
    static ObjectNode onTheBus(JsonNode detail, String eventId, Instant time) {
        ObjectNode envelope = EventJson.mapper().createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", eventId);
        envelope.put("detail-type", OrderCreatedEvent.DETAIL_TYPE);
        envelope.put("source", OrderCreatedEvent.SOURCE);
        envelope.put("account", "123456789012");
        envelope.put("time", time.toString());
        envelope.put("region", "eu-west-1");
        envelope.putArray("resources");
        envelope.set("detail", detail);
        return envelope;
    }

    /** Every sample under {@code events/eventbridge/}, relative names with forward slashes, sorted. */
    static List<String> all() {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> FOLDER.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the samples in " + FOLDER.toAbsolutePath(), e);
        }
    }

    /** The samples a consumer must accept: everything but {@code poison/}. */
    static List<String> deliverable() {
        return all().stream().filter(sample -> !sample.startsWith("poison/")).toList();
    }
}
