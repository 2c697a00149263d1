package shop.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Where the story of an order is read from: a deployed stack or the local runtime's data folder. Each reader answers in
 * the same shapes, so one {@link Journey} tells the story from either.
 */
public final class Sources {

    private Sources() {}

    /** The functions' logs. */
    public interface Logs {
        /** Every line of {@code function}'s log that contains {@code text}, oldest first. */
        List<LogEntry> mentioning(String function, String text);
    }

    /** The tables the functions write. */
    public interface Tables {
        /**
         * Items of {@code table} (logical id) whose key attributes equal {@code key}: the whole primary key for one
         * item, or the partition key alone for all its items. Items are in DynamoDB JSON ({@code {"S": "..."}}).
         */
        List<JsonNode> items(String table, Map<String, String> key);
    }

    /** The functions' dead-letter queues. */
    public interface DeadLetters {
        /** Every event parked in {@code queue} (logical id), which holds {@code function}'s failures. */
        List<ParkedEvent> in(String queue, String function);
    }
}
