package shop.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The SQS queue a function's rule targets in place of the function, since neither emulator runs Java Lambdas without
 * Docker. Every envelope the rule routed arrives here as the message body, exactly the JSON Lambda would receive.
 *
 * <p>Reading waits on the queue with long polls up to a bound, never a fixed sleep. Messages received but not yet asked
 * for are kept, in arrival order, for later calls. One reader at a time: not thread-safe.
 */
public final class StandInQueue {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String functionLogicalId;
    private final String url;
    private final String arn;
    private final SqsClient sqs;
    private final List<JsonNode> received = new ArrayList<>();

    StandInQueue(String functionLogicalId, String url, String arn, SqsClient sqs) {
        this.functionLogicalId = functionLogicalId;
        this.url = url;
        this.arn = arn;
        this.sqs = sqs;
    }

    public String arn() {
        return arn;
    }

    /** Waits up to {@code bound} for an envelope that satisfies {@code wanted}, and takes it off the queue. */
    public JsonNode await(Predicate<JsonNode> wanted, String what, Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        while (true) {
            Optional<JsonNode> found = take(wanted);
            if (found.isPresent()) {
                return found.get();
            }
            if (!Instant.now().isBefore(deadline)) {
                throw new AssertionError("No " + what + " reached the stand-in queue of " + functionLogicalId
                        + " within " + bound + "; it received " + received.size() + " other envelope(s) in that time");
            }
            poll(deadline);
        }
    }

    /**
     * Every envelope up to and including the first that satisfies {@code barrier}, waiting up to {@code bound} for it.
     * Send the barrier after the events under test: once it has arrived, so has everything the rule routed before it.
     */
    public List<JsonNode> drainThrough(Predicate<JsonNode> barrier, String what, Duration bound) {
        JsonNode arrived = await(barrier, what, bound);
        List<JsonNode> drained = new ArrayList<>(received);
        drained.add(arrived);
        received.clear();
        return drained;
    }

    private Optional<JsonNode> take(Predicate<JsonNode> wanted) {
        for (Iterator<JsonNode> it = received.iterator(); it.hasNext(); ) {
            JsonNode envelope = it.next();
            if (wanted.test(envelope)) {
                it.remove();
                return Optional.of(envelope);
            }
        }
        return Optional.empty();
    }

    private void poll(Instant deadline) {
        long secondsLeft = Math.max(0, Duration.between(Instant.now(), deadline).toSeconds());
        // Short long-polls keep each call well inside the SDK's socket timeout and end close to the deadline.
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds((int) Math.min(2, Math.max(1, secondsLeft))))
                .messages();
        if (messages.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
            received.add(parse(message));
            done.add(DeleteMessageBatchRequestEntry.builder()
                    .id(message.messageId())
                    .receiptHandle(message.receiptHandle())
                    .build());
        }
        sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(done));
    }

    private JsonNode parse(Message message) {
        try {
            return JSON.readTree(message.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError(
                    "The stand-in queue of " + functionLogicalId + " received a body that is not JSON: "
                            + message.body(),
                    e);
        }
    }
}
