package shop.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where accepted {@code PutEvents} entries go: the local bus. Implementations are thread-safe. */
public interface EventSink {

    /** The bus's canonical name when {@code nameOrArn} names one that exists. */
    Optional<String> bus(String nameOrArn);

    /**
     * Accepts one event; once this returns, the event is the bus's to deliver or dead-letter.
     *
     * @return the event id answered to the caller
     */
    String put(String bus, String source, String detailType, JsonNode detail, List<String> resources, Instant time);
}
