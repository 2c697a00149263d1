package shop.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.CRC32;
import shop.local.aws.Effects;
import shop.local.aws.JsonProtocolService;
import shop.local.aws.ServiceError;
import shop.local.journal.Journal;
import shop.local.json.Json;

/**
 * DynamoDB (AWS JSON 1.0, {@code X-Amz-Target: DynamoDB_20120810.*}): {@code PutItem}, {@code GetItem},
 * {@code DeleteItem}, {@code UpdateItem} and {@code TransactWriteItems}, with the expressions {@link Expressions}
 * emulates, conditional failures answered as DynamoDB answers them. Items live in memory; every write is in the
 * {@link Journal}, on disk, before it is answered, and is copied to an item file per item shortly after.
 *
 * <p>Thread-safe: one lock orders every write (a condition and its write are atomic, a transaction is all or nothing)
 * and every read sees whole writes only, as DynamoDB's serializable isolation promises.
 */
public final class DynamoDbService implements JsonProtocolService, AutoCloseable {

    static final int MAX_TRANSACTION_ITEMS = 100;

    /** The journal records of table writes carry this type. */
    static final String RECORD_TYPE = "table-writes";

    /** How long after a write its item file is rewritten, at most. */
    private static final Duration FILE_DELAY = Duration.ofMillis(200);

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, String> transactionTokens = new ConcurrentHashMap<>();
    private final Effects effects;
    private final Journal journal;
    private final ScheduledExecutorService files;

    /** A table as the template declares it: name and key attributes (hash first) to their scalar types. */
    public record TableDefinition(String name, Map<String, String> keyTypes) {}

    /**
     * The tables as the journal's {@code records} leave them, kept in memory; each later write is journaled before it
     * is answered. A data folder without table records in its journal (from before the journal) is read from the item
     * files under {@code folder} instead. Either way the item files are rewritten from memory a moment after each
     * write, for people to read: they are a view, the journal is the record.
     */
    public DynamoDbService(
            Path folder, List<TableDefinition> definitions, Effects effects, Journal journal, List<JsonNode> records) {
        this.effects = effects;
        this.journal = journal;
        for (TableDefinition definition : definitions) {
            tables.put(
                    definition.name(),
                    new Table(definition.name(), definition.keyTypes(), folder.resolve(definition.name())));
        }
        boolean journaled = records.stream()
                .anyMatch(record -> RECORD_TYPE.equals(record.path("type").asText()));
        for (Table table : tables.values()) {
            if (!journaled) {
                table.loadFiles();
            }
        }
        for (JsonNode record : records) {
            if (RECORD_TYPE.equals(record.path("type").asText())) {
                replay(record);
            }
        }
        if (journaled) {
            tables.values().forEach(Table::resyncFiles);
        }
        this.files = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "table-files");
            thread.setDaemon(true);
            return thread;
        });
        files.scheduleWithFixedDelay(
                this::writeFiles, FILE_DELAY.toMillis(), FILE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every item as journal records: what a compacted journal starts with. */
    public List<JsonNode> snapshot() {
        List<JsonNode> records = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (Table table : tables.values()) {
                ObjectNode record = null;
                for (ObjectNode item : table.all()) {
                    if (record == null || record.path("writes").size() >= 500) {
                        record = Json.object().put("type", RECORD_TYPE);
                        record.putArray("writes");
                        records.add(record);
                    }
                    ((ArrayNode) record.get("writes"))
                            .addObject()
                            .put("table", table.name())
                            .set("put", item);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return records;
    }

    /** Writes the item files of every write so far, and stops writing them. */
    @Override
    public void close() {
        files.shutdown();
        try {
            files.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeFiles();
    }

    private void writeFiles() {
        for (Table table : tables.values()) {
            table.writeFiles();
        }
    }

    private void replay(JsonNode record) {
        for (JsonNode write : record.path("writes")) {
            Table table = tables.get(write.path("table").asText());
            if (table == null) {
                continue; // a table the template no longer declares: its items are dropped with it
            }
            if (write.has("put")) {
                table.put((ObjectNode) write.get("put"));
            } else {
                table.delete(write.get("delete"));
            }
        }
    }

    @Override
    public String targetPrefix() {
        return "DynamoDB_20120810";
    }

    @Override
    public String contentType() {
        return "application/x-amz-json-1.0";
    }

    @Override
    public String errorTypePrefix() {
        return "com.amazonaws.dynamodb.v20120810#";
    }

    /** DynamoDB signs every answer with the CRC32 of its body, and the SDK checks it. */
    @Override
    public Map<String, String> headersFor(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Map.of("x-amz-crc32", Long.toString(crc.getValue()));
    }

    @Override
    public JsonNode call(String operation, JsonNode request) {
        for (String legacy : List.of("Expected", "AttributeUpdates", "ConditionalOperator", "AttributesToGet")) {
            if (request.has(legacy)) {
                throw ServiceError.validation(
                        "Legacy parameter " + legacy + " is not emulated by the local stand-in; use expressions");
            }
        }
        return switch (operation) {
            case "PutItem" -> putOrDelete(put(request), request);
            case "GetItem" -> getItem(request);
            case "DeleteItem" -> putOrDelete(delete(request), request);
            case "UpdateItem" -> updateItem(request);
            case "TransactWriteItems" -> transactWriteItems(request);
            default ->
                throw new ServiceError(
                        400,
                        "UnknownOperationException",
                        "The local stand-in emulates DynamoDB PutItem, "
                                + "GetItem, DeleteItem, UpdateItem and TransactWriteItems, not " + operation);
        };
    }

    /** Every item of a table, for people and tests inspecting the outcome. */
    public List<ObjectNode> items(String table) {
        lock.readLock().lock();
        try {
            return List.copyOf(table(table).all());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The item with this key, as GetItem would answer it. */
    public Optional<ObjectNode> item(String table, ObjectNode key) {
        lock.readLock().lock();
        try {
            return table(table).get(key).map(ObjectNode::deepCopy);
        } finally {
            lock.readLock().unlock();
        }
    }

    private JsonNode getItem(JsonNode request) {
        Table table = table(request.path("TableName").asText());
        JsonNode key = request.get("Key");
        table.checkKey(key, true);
        Expressions expressions = Expressions.of(request);
        expressions.refuseProjection(request.get("ProjectionExpression"));
        expressions.checkAllUsed();
        ObjectNode response = Json.object();
        lock.readLock().lock();
        try {
            table.get(key).ifPresent(item -> response.set("Item", item.deepCopy()));
        } finally {
            lock.readLock().unlock();
        }
        return response;
    }

    /** PutItem and DeleteItem: they differ only in the write, and both answer the old item at most. */
    private JsonNode putOrDelete(Write write, JsonNode request) {
        String returnValues = request.path("ReturnValues").asText("NONE");
        if (!List.of("NONE", "ALL_OLD").contains(returnValues)) {
            throw ServiceError.validation("ReturnValues can only be ALL_OLD or NONE for " + write.operation);
        }
        Written written = writeOne(write);
        return returnValues.equals("ALL_OLD") ? attributes(written.old()) : Json.object();
    }

    private JsonNode updateItem(JsonNode request) {
        UpdateWrite write = update(request);
        String returnValues = request.path("ReturnValues").asText("NONE");
        if (!List.of("NONE", "ALL_OLD", "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW").contains(returnValues)) {
            throw ServiceError.validation(
                    "ReturnValues must be one of NONE, ALL_OLD, ALL_NEW, UPDATED_OLD, UPDATED_NEW");
        }
        Written written = writeOne(write);
        ObjectNode updated = written.item().orElseThrow(); // an update always writes: UpdateItem is an upsert
        return switch (returnValues) {
            case "ALL_OLD" -> attributes(written.old());
            case "ALL_NEW" -> attributes(Optional.of(updated));
            case "UPDATED_OLD" -> attributes(written.old().map(item -> only(item, write.update.attributes())));
            case "UPDATED_NEW" -> attributes(Optional.of(only(updated, write.update.attributes())));
            default -> Json.object();
        };
    }

    /** A single write's outcome: the item before it, and after it (absent when deleted). */
    private record Written(Optional<ObjectNode> old, Optional<ObjectNode> item) {}

    /** Checks, applies, journals and records one write under the lock; returns once the journal holds it. */
    private Written writeOne(Write write) {
        long position;
        Optional<ObjectNode> old;
        Optional<Change> change;
        lock.writeLock().lock();
        try {
            old = checked(write);
            change = write.prepare();
            position = commit(change.stream().toList());
            effects.record(write.describe(change));
        } finally {
            lock.writeLock().unlock();
        }
        journal.awaitDurable(position);
        return new Written(old, change.flatMap(Change::item));
    }

    private JsonNode transactWriteItems(JsonNode request) {
        JsonNode transactItems = request.path("TransactItems");
        if (!transactItems.isArray() || transactItems.isEmpty() || transactItems.size() > MAX_TRANSACTION_ITEMS) {
            throw ServiceError.validation(
                    "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: "
                            + "Member must have length between 1 and " + MAX_TRANSACTION_ITEMS);
        }
        List<Write> writes = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        for (JsonNode transactItem : transactItems) {
            if (transactItem.size() != 1) {
                throw ServiceError.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            String kind = transactItem.fieldNames().next();
            JsonNode operation = transactItem.get(kind);
            Write write = switch (kind) {
                case "Put" -> put(operation);
                case "Delete" -> delete(operation);
                case "Update" -> update(operation);
                case "ConditionCheck" -> conditionCheck(operation);
                default ->
                    throw ServiceError.validation(
                            "TransactItems can only contain one of Check, Put, Update or Delete, not " + kind);
            };
            if (!touched.add(write.table.name() + "/" + write.table.keyOf(write.key))) {
                throw ServiceError.validation("Transaction request cannot include multiple operations on one item");
            }
            writes.add(write);
        }
        String token = request.path("ClientRequestToken").asText("");
        String fingerprint = transactItems.toString();
        long position;
        lock.writeLock().lock();
        try {
            if (!token.isEmpty() && transactionTokens.containsKey(token)) {
                if (transactionTokens.get(token).equals(fingerprint)) {
                    return Json.object(); // the same transaction again: DynamoDB answers success without writing twice
                }
                throw new ServiceError(
                        400,
                        "IdempotentParameterMismatchException",
                        "The ClientRequestToken was already used for a different transaction");
            }
            ArrayNode reasons = Json.mapper().createArrayNode();
            boolean cancelled = false;
            List<String> codes = new ArrayList<>();
            for (Write write : writes) {
                ObjectNode reason = Json.object();
                try {
                    write.check();
                    reason.put("Code", "None");
                } catch (ServiceError conditionFailed) {
                    cancelled = true;
                    reason.put("Code", "ConditionalCheckFailed");
                    reason.put("Message", conditionFailed.getMessage());
                    if (conditionFailed.fields().has("Item")) {
                        reason.set("Item", conditionFailed.fields().get("Item"));
                    }
                }
                codes.add(reason.get("Code").asText());
                reasons.add(reason);
            }
            if (cancelled) {
                effects.record("TransactWriteItems cancelled " + codes + ": "
                        + writes.stream()
                                .map(write -> write.describe().replaceFirst("^(Put|Update|Delete)Item ", "$1 "))
                                .toList());
                ObjectNode fields = Json.object();
                fields.set("CancellationReasons", reasons);
                throw new ServiceError(
                        400,
                        "TransactionCanceledException",
                        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
                        fields);
            }
            // Every new item is computed before any is written, so a failing update leaves the transaction unwritten.
            List<Change> changes = new ArrayList<>();
            List<String> described = new ArrayList<>();
            for (Write write : writes) {
                Optional<Change> change = write.prepare();
                change.ifPresent(changes::add);
                described.add(write.describe(change));
            }
            position = commit(changes);
            // Inside a transaction the operations are called Put, Update, Delete and ConditionCheck.
            described.forEach(effect ->
                    effects.record("TransactWriteItems: " + effect.replaceFirst("^(Put|Update|Delete)Item ", "$1 ")));
            if (!token.isEmpty()) {
                transactionTokens.put(token, fingerprint);
            }
        } finally {
            lock.writeLock().unlock();
        }
        journal.awaitDurable(position);
        return Json.object();
    }

    private Write put(JsonNode request) {
        Table table = table(request.path("TableName").asText());
        JsonNode item = request.get("Item");
        table.checkKey(item, false);
        item.properties().forEach(field -> AttributeValues.validate(field.getKey(), field.getValue()));
        Expressions expressions = Expressions.of(request);
        Expressions.Condition condition = expressions.condition(request.get("ConditionExpression"));
        expressions.checkAllUsed();
        ObjectNode copy = ((ObjectNode) item).deepCopy();
        return new Write("PutItem", table, item, condition, failureValues(request)) {
            @Override
            Optional<Change> prepare() {
                return Optional.of(new Change(table, copy, Optional.of(copy)));
            }
        };
    }

    private Write delete(JsonNode request) {
        Table table = table(request.path("TableName").asText());
        JsonNode key = request.get("Key");
        table.checkKey(key, true);
        Expressions expressions = Expressions.of(request);
        Expressions.Condition condition = expressions.condition(request.get("ConditionExpression"));
        expressions.checkAllUsed();
        return new Write("DeleteItem", table, key, condition, failureValues(request)) {
            @Override
            Optional<Change> prepare() {
                return Optional.of(new Change(table, key, Optional.empty()));
            }
        };
    }

    private Write conditionCheck(JsonNode request) {
        Table table = table(request.path("TableName").asText());
        JsonNode key = request.get("Key");
        table.checkKey(key, true);
        if (!request.hasNonNull("ConditionExpression")) {
            throw ServiceError.validation("ConditionCheck requires a ConditionExpression");
        }
        Expressions expressions = Expressions.of(request);
        Expressions.Condition condition = expressions.condition(request.get("ConditionExpression"));
        expressions.checkAllUsed();
        return new Write("ConditionCheck", table, key, condition, failureValues(request)) {
            @Override
            Optional<Change> prepare() {
                return Optional.empty(); // a check writes nothing
            }
        };
    }

    private UpdateWrite update(JsonNode request) {
        Table table = table(request.path("TableName").asText());
        JsonNode key = request.get("Key");
        table.checkKey(key, true);
        Expressions expressions = Expressions.of(request);
        JsonNode updateExpression = request.get("UpdateExpression");
        Expressions.Update update = updateExpression == null || updateExpression.isNull()
                ? null
                : expressions.update(updateExpression.asText());
        if (update != null) {
            for (String attribute : update.attributes()) {
                if (table.isKeyAttribute(attribute)) {
                    throw ServiceError.validation(
                            "One or more parameter values were invalid: Cannot update attribute " + attribute
                                    + ". This attribute is part of the key; expression: " + updateExpression.asText());
                }
            }
        }
        Expressions.Condition condition = expressions.condition(request.get("ConditionExpression"));
        expressions.checkAllUsed();
        return new UpdateWrite(table, key, condition, failureValues(request), update);
    }

    private static boolean failureValues(JsonNode request) {
        return "ALL_OLD"
                .equals(request.path("ReturnValuesOnConditionCheckFailure").asText());
    }

    private Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw new ServiceError(
                    400, "ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    private static ObjectNode attributes(Optional<ObjectNode> item) {
        ObjectNode response = Json.object();
        item.filter(found -> !found.isEmpty()).ifPresent(found -> response.set("Attributes", found));
        return response;
    }

    private static ObjectNode only(ObjectNode item, Set<String> attributes) {
        ObjectNode subset = Json.object();
        attributes.stream().filter(item::has).forEach(attribute -> subset.set(attribute, item.get(attribute)));
        return subset;
    }

    /** The current item when the write's condition holds; a failed condition is recorded as an effect too. */
    private Optional<ObjectNode> checked(Write write) {
        try {
            return write.check();
        } catch (ServiceError conditionFailed) {
            effects.record(write.describe() + ": condition failed");
            throw conditionFailed;
        }
    }

    /**
     * Applies {@code changes} in memory and appends them to the journal as one record, so that a transaction is
     * replayed whole or not at all; called under the write lock, so the journal's order is the order of the writes. The
     * caller answers once {@link Journal#awaitDurable} returns for the position answered.
     */
    private long commit(List<Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        ObjectNode record = Json.object().put("type", RECORD_TYPE);
        ArrayNode list = record.putArray("writes");
        for (Change change : changes) {
            ObjectNode entry = list.addObject().put("table", change.table().name());
            if (change.item().isPresent()) {
                change.table().put(change.item().get());
                entry.set("put", change.item().get());
            } else {
                change.table().delete(change.key());
                entry.set("delete", change.table().keyOf(change.key()));
            }
        }
        return journal.append(record);
    }

    /** One item written ({@code item} present) or deleted. */
    private record Change(Table table, JsonNode key, Optional<ObjectNode> item) {}

    /** One prepared write: parsed and validated before the lock is taken, checked and applied under it. */
    private abstract static class Write {
        final String operation;
        final Table table;
        final JsonNode key;
        final Expressions.Condition condition;
        final boolean returnOldOnFailure;

        Write(
                String operation,
                Table table,
                JsonNode key,
                Expressions.Condition condition,
                boolean returnOldOnFailure) {
            this.operation = operation;
            this.table = table;
            this.key = key;
            this.condition = condition;
            this.returnOldOnFailure = returnOldOnFailure;
        }

        /** The current item; throws ConditionalCheckFailedException when the condition does not hold for it. */
        Optional<ObjectNode> check() {
            Optional<ObjectNode> old = table.get(key);
            if (!condition.test(old.orElse(Json.object()))) {
                ObjectNode fields = Json.object();
                if (returnOldOnFailure) {
                    old.ifPresent(item -> fields.set("Item", item));
                }
                throw new ServiceError(
                        400, "ConditionalCheckFailedException", "The conditional request failed", fields);
            }
            return old;
        }

        /** Computes the write against the current item; applying the answer performs it. */
        abstract Optional<Change> prepare();

        /** The write as people read it: operation, table and key (keys are identifiers, never the item's data). */
        String describe() {
            return operation + " " + table.name() + " " + table.describeKey(key);
        }

        /** The write once {@link #prepare} computed {@code change}, as people read it. */
        String describe(Optional<Change> change) {
            return describe();
        }
    }

    private static final class UpdateWrite extends Write {
        final Expressions.Update update;

        UpdateWrite(
                Table table,
                JsonNode key,
                Expressions.Condition condition,
                boolean returnOldOnFailure,
                Expressions.Update update) {
            super("UpdateItem", table, key, condition, returnOldOnFailure);
            this.update = update;
        }

        /** With the new values of the counters the update added to, such as a balance. */
        @Override
        String describe(Optional<Change> change) {
            if (update == null || update.counters().isEmpty()) {
                return describe();
            }
            ObjectNode updated = change.flatMap(Change::item).orElseThrow();
            StringBuilder text = new StringBuilder(describe()).append(" (");
            update.counters()
                    .forEach(counter -> text.append(counter)
                            .append('=')
                            .append(updated.path(counter).path("N").asText("?"))
                            .append(' '));
            return text.toString().stripTrailing() + ")";
        }

        /** The item after the update; UpdateItem is an upsert, so an absent item starts as its key. */
        @Override
        Optional<Change> prepare() {
            ObjectNode base = table.get(key).map(ObjectNode::deepCopy).orElseGet(() -> table.keyOf(key));
            ObjectNode updated = update == null ? base : update.apply(base);
            return Optional.of(new Change(table, updated, Optional.of(updated)));
        }
    }
}
