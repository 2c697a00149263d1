package shop.journey.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.journey.Journey;
import shop.journey.JourneyCommand;
import shop.journey.OrderStory;
import shop.journey.Samples;
import shop.redrive.QueueMessage;
import shop.template.TableResource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The AWS readers against moto ({@code bash .ci/with-moto ./mvnw verify -Pemulator -pl order-journey}): log lines in
 * the functions' log groups, items in the template's tables and the sample dead letters in a queue, then one story.
 */
class AwsStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The order of events/sqs/lambda-on-failure-record.json: the email function failed it three times. */
    private static final String ORDER = "85141e04-3a68-4de4-8737-67876611a13c";

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static CloudWatchLogsClient logs;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static final Map<String, String> PHYSICAL = new LinkedHashMap<>();

    @BeforeAll
    static void stack() throws Exception {
        logs = client(CloudWatchLogsClient.builder());
        dynamo = client(DynamoDbClient.builder());
        sqs = client(SqsClient.builder());
        for (TableResource table : Samples.TEMPLATE.tables()) {
            String name = "journey-" + RUN + "-" + table.logicalId();
            PHYSICAL.put(table.logicalId(), name);
            List<KeySchemaElement> keys = new ArrayList<>();
            List<AttributeDefinition> attributes = new ArrayList<>();
            keys.add(key(table.hashKey(), KeyType.HASH));
            attributes.add(attribute(table.hashKey()));
            table.rangeKey().ifPresent(range -> {
                keys.add(key(range, KeyType.RANGE));
                attributes.add(attribute(range));
            });
            dynamo.createTable(request -> request.tableName(name)
                    .keySchema(keys)
                    .attributeDefinitions(attributes)
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        }
        for (String queue : Samples.TEMPLATE.resourcesOfType("AWS::SQS::Queue")) {
            PHYSICAL.put(
                    queue,
                    sqs.createQueue(request -> request.queueName("journey-" + RUN + "-" + queue))
                            .queueUrl());
        }
        Samples.TEMPLATE
                .functions()
                .forEach(function -> PHYSICAL.put(function.logicalId(), "journey-" + RUN + "-" + function.logicalId()));

        String group = "/aws/lambda/" + PHYSICAL.get("EmailFunction");
        logs.createLogGroup(request -> request.logGroupName(group));
        logs.createLogStream(request -> request.logGroupName(group).logStreamName("2026/11/30/[live]abc"));
        Instant start = Instant.now().minusSeconds(120);
        List<InputLogEvent> events = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant at = start.plusSeconds(attempt * 30L);
            events.add(event(
                    at,
                    JSON.createObjectNode()
                            .put("level", "ERROR")
                            .put("function", "EmailFunction")
                            .put("event", "confirmation.failed")
                            .put("orderId", ORDER)
                            .put("requestId", "req-1")
                            .put("outcome", "FAILED")
                            .toString()));
            events.add(event(
                    at.plusMillis(400),
                    JSON.createObjectNode()
                            .put("time", at.plusMillis(400).toString())
                            .put("type", "platform.report")
                            .set(
                                    "record",
                                    JSON.createObjectNode()
                                            .put("requestId", "req-1")
                                            .put("status", "error")
                                            .set(
                                                    "metrics",
                                                    JSON.createObjectNode().put("durationMs", 400.0)))
                            .toString()));
        }
        events.add(event(
                start.plusSeconds(100),
                JSON.createObjectNode()
                        .put("level", "INFO")
                        .put("event", "confirmation.handled")
                        .put("orderId", "9bad17fb-a2b1-4e22-8eed-5d50cba3539f")
                        .put("requestId", "req-2")
                        .toString()));
        logs.putLogEvents(request -> request.logGroupName(group)
                .logStreamName("2026/11/30/[live]abc")
                .logEvents(events));

        dynamo.putItem(request -> request.tableName(PHYSICAL.get("RewardsTable"))
                .item(Map.of(
                        "customerId",
                        AttributeValue.fromS("cust-1001"),
                        "entry",
                        AttributeValue.fromS("ORDER#" + ORDER),
                        "points",
                        AttributeValue.fromN("42"))));
        dynamo.putItem(request -> request.tableName(PHYSICAL.get("SalesTable"))
                .item(Map.of(
                        "pk",
                        AttributeValue.fromS("ORDER#" + ORDER),
                        "sk",
                        AttributeValue.fromS("PART#1"),
                        "skus",
                        AttributeValue.fromN("2"))));

        // The story reads the email queue; the peek test reads the warehouse queue, as a peek hides what it read.
        park("EmailDeadLetterQueue", "lambda-on-failure-record.json");
        park("EmailDeadLetterQueue", "eventbridge-rule-dead-letter.json");
        park("WarehouseDeadLetterQueue", "lambda-on-failure-record.json");
        park("WarehouseDeadLetterQueue", "eventbridge-rule-dead-letter.json");
    }

    private static void park(String queue, String sample) {
        QueueMessage message = Samples.queueMessage(sample);
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        message.attributes()
                .forEach((name, value) -> attributes.put(
                        name,
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(value)
                                .build()));
        sqs.sendMessage(request -> request.queueUrl(PHYSICAL.get(queue))
                .messageBody(message.body())
                .messageAttributes(attributes));
    }

    @AfterAll
    static void close() {
        logs.close();
        dynamo.close();
        sqs.close();
    }

    @Test
    void aStackThatCannotBeReadIsNamedWithTheReasonNotAStackTrace() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int status = JourneyCommand.run(
                new String[] {ORDER, "--stack", "no-such-stack-" + UUID.randomUUID(), "--region", "us-east-1"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("journey: cannot read stack no-such-stack-")
                .doesNotContain("\tat ");
    }

    @Test
    void theStoryOfAnOrderTheEmailFunctionGaveUpOn() {
        AwsStack stack = new AwsStack(PHYSICAL, logs, dynamo, sqs, Instant.now().minusSeconds(3600));

        OrderStory story = new Journey(Samples.TEMPLATE, stack, stack, stack).tell(ORDER, Optional.empty());

        OrderStory.FunctionStory email = function(story, "EmailFunction");
        assertThat(email.attempts()).hasSize(3).allSatisfy(attempt -> {
            assertThat(attempt.status()).isEqualTo("error");
            assertThat(attempt.durationMs()).contains(400.0);
        });
        assertThat(email.lines())
                .hasSize(3)
                .allSatisfy(line -> assertThat(line.text("orderId")).isEqualTo(ORDER));
        assertThat(email.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).contains("after 3 attempts");
            assertThat(letter.writer()).isEqualTo("Lambda");
        });
        // The parked event names the customer, which opens the rewards table.
        assertThat(function(story, "RewardsFunction").written())
                .singleElement()
                .satisfies(written -> assertThat(written.items())
                        .singleElement()
                        .satisfies(item -> assertThat(item).containsEntry("points", "42")));
        assertThat(function(story, "AnalyticsFunction").written().get(0).items())
                .singleElement()
                .satisfies(item -> assertThat(item).containsEntry("sk", "PART#1"));
        assertThat(function(story, "CheckoutFunction").reached())
                .as("no log group, no dead-letter queue")
                .isFalse();
    }

    @Test
    void peekingLeavesTheDeadLettersInTheQueue() {
        AwsStack stack = new AwsStack(PHYSICAL, logs, dynamo, sqs, Instant.now().minusSeconds(3600));

        assertThat(stack.in("WarehouseDeadLetterQueue", "WarehouseFunction")).hasSize(2);

        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(
                        request -> request.queueUrl(PHYSICAL.get("WarehouseDeadLetterQueue"))
                                .attributeNames(
                                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        assertThat(counts.values().stream().mapToInt(Integer::parseInt).sum()).isEqualTo(2);
    }

    private static OrderStory.FunctionStory function(OrderStory story, String name) {
        return story.functions().stream()
                .filter(f -> f.function().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static InputLogEvent event(Instant at, String message) {
        return InputLogEvent.builder()
                .timestamp(at.toEpochMilli())
                .message(message)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static <C, B extends AwsClientBuilder<B, C>> C client(B builder) {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("AWS_ENDPOINT_URL is not set: run under bash .ci/with-moto");
        }
        builder.endpointOverride(URI.create(endpoint))
                .region(Region.EU_WEST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        if (builder instanceof SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder.build();
    }
}
