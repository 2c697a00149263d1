package shop.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import shop.redrive.QueueMessage;
import shop.template.SamTemplate;

/** The repository's template and sample events, as the tests read them. */
public final class Samples {

    static final Path TEMPLATE_FILE = SamTemplate.locate(Path.of(""));
    public static final SamTemplate TEMPLATE = SamTemplate.load(TEMPLATE_FILE);

    private Samples() {}

    /** A dead-letter queue message of {@code events/sqs}, as redrive's queue would receive it. */
    public static QueueMessage queueMessage(String name) {
        Path file = TEMPLATE_FILE.getParent().resolve("events/sqs").resolve(name);
        try {
            JsonNode record = new ObjectMapper()
                    .readTree(Files.readString(file))
                    .path("Records")
                    .path(0);
            Map<String, String> attributes = new LinkedHashMap<>();
            record.path("messageAttributes")
                    .fields()
                    .forEachRemaining(attribute -> attributes.put(
                            attribute.getKey(),
                            attribute.getValue().path("stringValue").asText()));
            return new QueueMessage(
                    record.path("messageId").asText(),
                    record.path("receiptHandle").asText(),
                    record.path("body").asText(),
                    attributes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
