package shop.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.local.dynamodb.DynamoDbService;
import shop.local.journal.Journal;
import shop.local.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The DynamoDB stand-in, driven by the real SDK v2 client over HTTP as the functions drive it. */
class DynamoDbStandInIT {

    @TempDir
    Path folder;

    StandInFixture aws;
    DynamoDbClient dynamo;

    @BeforeEach
    void start() {
        aws = new StandInFixture(folder);
        dynamo = aws.dynamoClient();
    }

    @AfterEach
    void stop() {
        dynamo.close();
        aws.close();
    }

    @Test
    void putItemThenGetItemAnswersTheItem() {
        dynamo.putItem(b -> b.tableName("Orders")
                .item(Map.of("orderId", s("ord-1"), "total", n("4250"), "tags", ss("gift", "eu"))));

        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName("Orders").key(Map.of("orderId", s("ord-1"))))
                .item();

        assertThat(item).containsEntry("total", n("4250")).containsKey("tags");
        assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("gift", "eu");
    }

    @Test
    void writesAreRecordedForTheCallerKnownByItsAccessKeyWithTheNewValueOfCounters() {
        dynamo.putItem(b -> b.tableName("Orders").item(Map.of("orderId", s("ord-1"))));
        dynamo.updateItem(b -> b.tableName("Ledger")
                .key(Map.of("customerId", s("cust-1"), "entry", s("BALANCE")))
                .updateExpression("ADD points :p")
                .expressionAttributeValues(Map.of(":p", n("120"))));
        try {
            dynamo.putItem(b -> b.tableName("Orders")
                    .item(Map.of("orderId", s("ord-1")))
                    .conditionExpression("attribute_not_exists(orderId)"));
        } catch (ConditionalCheckFailedException expected) {
            // recorded too, below
        }
        dynamo.getItem(b -> b.tableName("Orders").key(Map.of("orderId", s("ord-1"))));

        assertThat(aws.effects.take("local"))
                .containsExactly(
                        "PutItem Orders orderId=ord-1",
                        "UpdateItem Ledger customerId=cust-1, entry=BALANCE (points=120)",
                        "PutItem Orders orderId=ord-1: condition failed");
        assertThat(aws.effects.take("local")).isEmpty();
    }

    @Test
    void getItemOfAnAbsentKeyAnswersNoItem() {
        var response = dynamo.getItem(b -> b.tableName("Orders").key(Map.of("orderId", s("absent"))));

        assertThat(response.hasItem()).isFalse();
    }

    @Test
    void failedConditionAnswersConditionalCheckFailedWithTheCurrentItemWhenAsked() {
        dynamo.putItem(b -> b.tableName("Orders").item(Map.of("orderId", s("ord-1"), "status", s("SENT"))));

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("Orders")
                        .item(Map.of("orderId", s("ord-1"), "status", s("SENDING")))
                        .conditionExpression("attribute_not_exists(orderId)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, failed -> {
                    assertThat(failed.statusCode()).isEqualTo(400);
                    assertThat(failed.item()).containsEntry("status", s("SENT"));
                });
        assertThat(aws.dynamo
                        .item("Orders", key("ord-1"))
                        .orElseThrow()
                        .get("status")
                        .get("S")
                        .asText())
                .isEqualTo("SENT");
    }

    static Stream<Arguments> conditions() {
        Map<String, AttributeValue> sending = Map.of("orderId", s("ord-1"), "status", s("SENDING"), "lease", n("100"));
        return Stream.of(
                arguments(
                        "attribute_not_exists on a new item holds",
                        Map.of(),
                        "attribute_not_exists(orderId)",
                        Map.of(),
                        true),
                arguments(
                        "attribute_not_exists on an existing item fails",
                        sending,
                        "attribute_not_exists(orderId)",
                        Map.of(),
                        false),
                arguments(
                        "attribute_exists on an existing item holds",
                        sending,
                        "attribute_exists(lease)",
                        Map.of(),
                        true),
                arguments(
                        "equality with a named placeholder holds",
                        sending,
                        "#s = :s",
                        Map.of(":s", s("SENDING")),
                        true),
                arguments(
                        "equality of a number holds numerically",
                        sending,
                        "lease = :l",
                        Map.of(":l", n("100.0")),
                        true),
                arguments("a string never equals a number", sending, "lease = :l", Map.of(":l", s("100")), false),
                arguments("less-than compares numbers", sending, "lease < :now", Map.of(":now", n("101")), true),
                arguments(
                        "less-than on an absent attribute fails",
                        Map.of(),
                        "lease < :now",
                        Map.of(":now", n("101")),
                        false),
                arguments(
                        "not-equal on an absent attribute holds",
                        Map.of(),
                        "lease <> :now",
                        Map.of(":now", n("101")),
                        true),
                arguments(
                        "OR with a parenthesised AND, as the email claim writes it",
                        sending,
                        "attribute_not_exists(orderId) OR (#s = :s AND lease < :now)",
                        Map.of(":s", s("SENDING"), ":now", n("101")),
                        true),
                arguments("greater-or-equal at the bound holds", sending, "lease >= :l", Map.of(":l", n("100")), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void conditionExpressionsHoldAsInDynamoDb(
            String name,
            Map<String, AttributeValue> existing,
            String condition,
            Map<String, AttributeValue> values,
            boolean holds) {
        if (!existing.isEmpty()) {
            dynamo.putItem(b -> b.tableName("Orders").item(existing));
        }
        Map<String, String> names = condition.contains("#s") ? Map.of("#s", "status") : null;

        Runnable write = () -> dynamo.putItem(b -> b.tableName("Orders")
                .item(Map.of("orderId", s("ord-1"), "written", s("yes")))
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values.isEmpty() ? null : values));

        if (holds) {
            write.run();
            assertThat(aws.dynamo.item("Orders", key("ord-1")).orElseThrow().has("written"))
                    .isTrue();
        } else {
            assertThatThrownBy(write::run).isInstanceOf(ConditionalCheckFailedException.class);
        }
    }

    @Test
    void updateItemCreatesThenAddsAndAnswersTheNewItem() {
        Map<String, AttributeValue> balanceKey = Map.of("customerId", s("cust-1"), "entry", s("BALANCE"));
        for (String points : new String[] {"120", "30"}) {
            dynamo.updateItem(b -> b.tableName("Ledger")
                    .key(balanceKey)
                    .updateExpression("ADD #points :points SET #updatedAt = :now")
                    .expressionAttributeNames(Map.of("#points", "points", "#updatedAt", "updatedAt"))
                    .expressionAttributeValues(Map.of(":points", n(points), ":now", s("2025-03-14T09:26:53Z"))));
        }

        var response = dynamo.updateItem(b -> b.tableName("Ledger")
                .key(balanceKey)
                .updateExpression("SET visits = :one REMOVE updatedAt")
                .expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues(ReturnValue.ALL_NEW));

        assertThat(response.attributes())
                .containsEntry("points", n("150"))
                .containsEntry("visits", n("1"))
                .doesNotContainKey("updatedAt");
    }

    @Test
    void cancelledTransactionListsReasonsInOrderAndWritesNothing() {
        dynamo.putItem(b -> b.tableName("Ledger").item(Map.of("customerId", s("cust-1"), "entry", s("ORDER#ord-1"))));

        assertThatThrownBy(
                        () -> dynamo.transactWriteItems(b -> b.transactItems(ledgerEntry("ord-1"), balanceAdd("120"))))
                .isInstanceOfSatisfying(
                        TransactionCanceledException.class,
                        cancelled -> assertThat(cancelled.cancellationReasons())
                                .extracting(CancellationReason::code)
                                .containsExactly("ConditionalCheckFailed", "None"));
        assertThat(aws.dynamo.items("Ledger")).hasSize(1);
    }

    @Test
    void committedTransactionWritesEveryItem() {
        dynamo.transactWriteItems(b -> b.transactItems(ledgerEntry("ord-1"), balanceAdd("120")));
        dynamo.transactWriteItems(b -> b.transactItems(ledgerEntry("ord-2"), balanceAdd("30")));

        var balance = dynamo.getItem(
                        b -> b.tableName("Ledger").key(Map.of("customerId", s("cust-1"), "entry", s("BALANCE"))))
                .item();

        assertThat(balance).containsEntry("points", n("150"));
        assertThat(aws.dynamo.items("Ledger")).hasSize(3);
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                arguments(
                        "a nested document path",
                        "SET address.city = :v",
                        Map.of(":v", s("Porto")),
                        "nested document path"),
                arguments("DELETE from a set", "DELETE tags :v", Map.of(":v", ss("gift")), "DELETE"),
                arguments(
                        "a function the functions do not use",
                        "SET visits = if_not_exists(visits, :v)",
                        Map.of(":v", n("1")),
                        "if_not_exists is not emulated"),
                arguments(
                        "an unknown function",
                        "SET amount = plus(amount, :v)",
                        Map.of(":v", n("1")),
                        "Invalid function name"),
                arguments(
                        "a reserved word as a bare name",
                        "SET total = :v",
                        Map.of(":v", n("1")),
                        "reserved keyword: total"),
                arguments("an undefined placeholder", "SET amount = :absent", Map.of(":v", n("1")), "not defined"),
                arguments("a key attribute", "SET orderId = :v", Map.of(":v", s("other")), "part of the key"),
                arguments("a syntax error", "SET amount = = :v", Map.of(":v", n("1")), "Syntax error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void whatIsNotEmulatedIsRefusedNamingTheExpression(
            String name, String expression, Map<String, AttributeValue> values, String problem) {
        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName("Orders")
                        .key(Map.of("orderId", s("ord-1")))
                        .updateExpression(expression)
                        .expressionAttributeValues(values)))
                .isInstanceOfSatisfying(DynamoDbException.class, refused -> {
                    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(refused.awsErrorDetails().errorMessage())
                            .contains(problem)
                            .contains(expression);
                });
        assertThat(aws.dynamo.items("Orders")).isEmpty();
    }

    @Test
    void placeholderNoExpressionUsesIsRefusedAsDynamoDbRefusesIt() {
        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName("Orders")
                        .key(Map.of("orderId", s("ord-1")))
                        .updateExpression("SET amount = :v")
                        .expressionAttributeValues(Map.of(":v", n("1"), ":unused", n("2")))))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        refused -> assertThat(refused.awsErrorDetails().errorMessage())
                                .isEqualTo("Value provided in ExpressionAttributeValues unused in"
                                        + " expressions: keys: {:unused}"));
    }

    @Test
    void keyOfTheWrongShapeIsRefused() {
        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName("Ledger").key(Map.of("customerId", s("cust-1")))))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        refused -> assertThat(refused.awsErrorDetails().errorMessage())
                                .contains("does not match the schema"));
    }

    @Test
    void unknownTableAnswersResourceNotFound() {
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("Missing").item(Map.of("orderId", s("ord-1")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Missing");
    }

    @Test
    void operationsNotEmulatedAreRefusedByName() {
        assertThatThrownBy(() -> dynamo.scan(b -> b.tableName("Orders")))
                .isInstanceOfSatisfying(DynamoDbException.class, refused -> {
                    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(refused.awsErrorDetails().errorMessage()).contains("Scan");
                });
    }

    @Test
    void itemsAreJournaledSurviveARestartAndAreMirroredAsReadableFiles() throws Exception {
        dynamo.putItem(b -> b.tableName("Orders").item(Map.of("orderId", s("ord/1 ü"), "total", n("4250"))));
        aws.close();
        Path file = folder.resolve("dynamodb/Orders/orderId=ord%2F1+%C3%BC.json");
        assertThat(Files.readString(file)).contains("\"N\" : \"4250\"");
        // Without its item file, only the journal can bring the item back: a data folder whose journal has no table
        // records is read from the item files instead.
        Files.delete(file);

        Journal.Opened journaled = Journal.open(folder.resolve("journal/journal.log"));
        try (Journal journal = journaled.journal()) {
            try (DynamoDbService reopened = new DynamoDbService(
                    folder.resolve("dynamodb"), StandInFixture.TABLES, new Effects(), journal, journaled.records())) {
                assertThat(reopened.item("Orders", key("ord/1 ü")))
                        .hasValueSatisfying(
                                item -> assertThat(item.path("total").path("N").asText())
                                        .isEqualTo("4250"));
            }
            assertThat(Files.readString(file))
                    .as("the item file rewritten from the journal")
                    .contains("4250");
        }
    }

    private static TransactWriteItem ledgerEntry(String orderId) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName("Ledger")
                        .item(Map.of("customerId", s("cust-1"), "entry", s("ORDER#" + orderId)))
                        .conditionExpression("attribute_not_exists(customerId)")
                        .build())
                .build();
    }

    private static TransactWriteItem balanceAdd(String points) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName("Ledger")
                        .key(Map.of("customerId", s("cust-1"), "entry", s("BALANCE")))
                        .updateExpression("ADD points :p")
                        .expressionAttributeValues(Map.of(":p", n(points)))
                        .build())
                .build();
    }

    private static ObjectNode key(String orderId) {
        var key = Json.object();
        key.putObject("orderId").put("S", orderId);
        return key;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    private static AttributeValue ss(String... values) {
        return AttributeValue.fromSs(List.of(values));
    }
}
