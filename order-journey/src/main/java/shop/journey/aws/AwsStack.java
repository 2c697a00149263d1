package shop.journey.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import shop.journey.LogEntry;
import shop.journey.ParkedEvent;
import shop.journey.Sources;
import shop.redrive.QueueMessage;
import shop.redrive.SqsDeadLetterQueue;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A deployed stack: each function's log group {@code /aws/lambda/<name>} through {@code FilterLogEvents}, its tables
 * through {@code Query}, its dead-letter queues through {@code ReceiveMessage}. Resources are named by logical id and
 * found by the stack's physical ids. Reading a queue only peeks: each message is hidden for {@link #PEEK_SECONDS} and
 * then visible again, unchanged (its receive count grows by one; the queues have no redrive policy that counts it).
 */
public final class AwsStack implements Sources.Logs, Sources.Tables, Sources.DeadLetters {

    /** How long a peeked dead letter stays hidden; a redrive run meanwhile misses it. */
    public static final int PEEK_SECONDS = 20;

    private static final int MOST_MESSAGES = 1000;

    private final Map<String, String> physicalIds;
    private final CloudWatchLogsClient logs;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final Instant since;

    /**
     * @param physicalIds logical id to physical id: function name, table name, queue URL
     * @param since log lines older than this are not searched
     */
    public AwsStack(
            Map<String, String> physicalIds,
            CloudWatchLogsClient logs,
            DynamoDbClient dynamo,
            SqsClient sqs,
            Instant since) {
        this.physicalIds = Map.copyOf(physicalIds);
        this.logs = logs;
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.since = since;
    }

    /** The physical ids of a stack's resources, by logical id. */
    public static Map<String, String> physicalIds(CloudFormationClient cloudFormation, String stack) {
        Map<String, String> ids = new LinkedHashMap<>();
        cloudFormation
                .listStackResourcesPaginator(request -> request.stackName(stack))
                .stackResourceSummaries()
                .forEach(resource -> ids.put(resource.logicalResourceId(), resource.physicalResourceId()));
        return ids;
    }

    @Override
    public List<LogEntry> mentioning(String function, String text) {
        String group = "/aws/lambda/" + physical(function);
        List<LogEntry> entries = new ArrayList<>();
        try {
            // A quoted term matches the exact text anywhere in the line, hyphens included.
            for (FilteredLogEvent event : logs.filterLogEventsPaginator(request -> request.logGroupName(group)
                            .filterPattern("\"" + text + "\"")
                            .startTime(since.toEpochMilli()))
                    .events()) {
                if (event.message().contains(text)) {
                    entries.add(LogEntry.parse(
                            function, Instant.ofEpochMilli(event.timestamp()), Optional.empty(), event.message()));
                }
            }
        } catch (ResourceNotFoundException noLogGroupYet) {
            return List.of(); // a function that never ran has no log group
        }
        entries.sort(Comparator.comparing(LogEntry::time));
        return entries;
    }

    @Override
    public List<JsonNode> items(String table, Map<String, String> key) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> part : key.entrySet()) {
            names.put("#k" + n, part.getKey());
            values.put(":v" + n, AttributeValue.fromS(part.getValue()));
            conditions.add("#k" + n + " = :v" + n);
            n++;
        }
        List<JsonNode> items = new ArrayList<>();
        dynamo.queryPaginator(request -> request.tableName(physical(table))
                        .keyConditionExpression(String.join(" AND ", conditions))
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values))
                .items()
                .forEach(item -> items.add(dynamoJson(item)));
        return items;
    }

    @Override
    public List<ParkedEvent> in(String queue, String function) {
        // redrive's receive, without its long poll: a peek, each message hidden for PEEK_SECONDS.
        SqsDeadLetterQueue deadLetters =
                new SqsDeadLetterQueue(sqs, physical(queue), Duration.ZERO, Duration.ofSeconds(PEEK_SECONDS));
        Set<String> seen = new LinkedHashSet<>();
        List<ParkedEvent> letters = new ArrayList<>();
        while (seen.size() < MOST_MESSAGES) {
            List<QueueMessage> fresh = deadLetters.receive(10).stream()
                    .filter(message -> seen.add(message.messageId()))
                    .toList();
            if (fresh.isEmpty()) {
                break;
            }
            fresh.forEach(message -> letters.add(ParkedEvent.of(message)));
        }
        return letters;
    }

    private String physical(String logicalId) {
        String id = physicalIds.get(logicalId);
        if (id == null) {
            throw new IllegalStateException(
                    "The stack has no resource " + logicalId + " (is it the stack of this template?)");
        }
        return id;
    }

    private static JsonNode dynamoJson(Map<String, AttributeValue> item) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        item.forEach((name, value) -> {
            ObjectNode typed = node.putObject(name);
            if (value.s() != null) {
                typed.put("S", value.s());
            } else if (value.n() != null) {
                typed.put("N", value.n());
            } else if (value.bool() != null) {
                typed.put("BOOL", value.bool());
            } else {
                typed.put("other", value.toString());
            }
        });
        return node;
    }
}
