package shop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.local.aws.AwsStandIn;
import shop.local.aws.Effects;
import shop.local.aws.SesService;
import shop.local.dynamodb.DynamoDbService;
import shop.local.journal.Journal;
import shop.local.outbox.Outbox;
import shop.wiring.AwsClients;
import shop.wiring.Environment;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The local runtime's DynamoDB stand-in and the emulator give the same answers to one table of requests: the
 * conditional puts, updates, deletes and transactions the functions make (and the mistakes DynamoDB refuses), each sent
 * through a real SDK v2 {@link DynamoDbClient} to both, on fresh tables. Compared per case: the outcome (success or
 * error code), the attributes returned (ReturnValues, or the item of a failed condition), the cancellation reasons with
 * their items, and every item of the case's tables afterwards. Each case also names what DynamoDB answers, as its
 * documentation says, so two emulators agreeing on a mistake still fail.
 *
 * <p>Known differences of an emulator are named cases in {@link #knownGaps()}, each failing once the emulator is fixed.
 */
@ExtendWith(SdkCallReport.class)
class DynamoDbParityIT {

    private static final AttributeValue ORD_1 = s("ord-1");
    private static final Map<String, AttributeValue> BALANCE = Map.of("customerId", s("cust-1"), "entry", s("BALANCE"));
    /** What every case reads back afterwards: the only keys the cases write. */
    private static final List<ItemKey> KEYS = List.of(
            new ItemKey(true, Map.of("orderId", ORD_1)),
            new ItemKey(true, Map.of("orderId", s("ord-2"))),
            new ItemKey(false, BALANCE),
            new ItemKey(false, entryKey("ord-1")),
            new ItemKey(false, entryKey("ord-2")));

    @TempDir
    static Path folder;

    private static EmulatorSession session;
    private static AwsStandIn standIn;
    private static DynamoDbService dynamo;
    private static Journal journal;
    private static DynamoDbClient local;
    private static final Map<String, Tables> TABLES = new HashMap<>();

    /**
     * Tables per case, on both sides: {@code orders} keyed by {@code orderId} (as Shipments and Confirmations are),
     * {@code ledger} by {@code customerId} + {@code entry} (as Rewards, and Sales with its pk + sk, are).
     */
    record Tables(String orders, String ledger) {}

    /** A client and the tables of one case on one side. */
    record Db(DynamoDbClient client, Tables tables) {}

    /**
     * One row: what is written before (arrange, which must succeed), the request compared (act), and the outcome
     * DynamoDB answers: {@code OK}, an error code, or {@code TransactionCanceledException [reason codes]}.
     */
    record ParityCase(String name, Consumer<Db> arrange, Function<Db, DynamoDbResponse> act, String dynamoDb) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ParityCase> parityTable() {
        return Stream.of(
                // Warehouse: a shipment is put only if its order has none.
                row("put if absent writes a new item", nothing(), db -> addShipment(db, "REQUESTED"), "OK"),
                row(
                        "put if absent on an existing item fails and keeps it",
                        shipmentOf("ord-1"),
                        db -> addShipment(db, "CHANGED"),
                        "ConditionalCheckFailedException"),
                // Email: the claim, its takeover of an expired lease, markSent and release.
                row(
                        "email claim on a new order answers no old attributes",
                        nothing(),
                        db -> claim(db, "claim-2", 150),
                        "OK"),
                row(
                        "email claim takes over an expired lease and answers the old item",
                        claimOf("claim-1", 100),
                        db -> claim(db, "claim-2", 150),
                        "OK"),
                row(
                        "email claim on a running lease fails with the current item",
                        claimOf("claim-1", 200),
                        db -> claim(db, "claim-2", 150),
                        "ConditionalCheckFailedException"),
                row(
                        "email claim on a sent confirmation fails with the current item",
                        sentOf(),
                        db -> claim(db, "claim-2", 150),
                        "ConditionalCheckFailedException"),
                row(
                        "email markSent sets through a name placeholder and removes the lease",
                        claimOf("claim-1", 200),
                        DynamoDbParityIT::markSent,
                        "OK"),
                row(
                        "email markSent of an absent item creates it from its key",
                        nothing(),
                        DynamoDbParityIT::markSent,
                        "OK"),
                row("email release deletes its own claim", claimOf("claim-1", 200), db -> release(db, "claim-1"), "OK"),
                row(
                        "email release of another's claim fails and keeps it",
                        claimOf("claim-2", 200),
                        db -> release(db, "claim-1"),
                        "ConditionalCheckFailedException"),
                row(
                        "email release of an absent item fails",
                        nothing(),
                        db -> release(db, "claim-1"),
                        "ConditionalCheckFailedException"),
                // Rewards and analytics: counters.
                row(
                        "ADD to an absent item starts the counter at the value, SET beside it",
                        nothing(),
                        db -> addPoints(db, "120", ReturnValue.ALL_NEW),
                        "OK"),
                row(
                        "ADD to an existing counter answers UPDATED_NEW",
                        balanceOf("100"),
                        db -> addPoints(db, "-30", ReturnValue.UPDATED_NEW),
                        "OK"),
                row(
                        "ADD answers UPDATED_OLD",
                        balanceOf("100"),
                        db -> addPoints(db, "20", ReturnValue.UPDATED_OLD),
                        "OK"),
                row("ADD answers ALL_OLD", balanceOf("100"), db -> addPoints(db, "20", ReturnValue.ALL_OLD), "OK"),
                row(
                        "ADD to an attribute holding a string is refused and changes nothing",
                        balanceNoted(),
                        db -> db.client()
                                .updateItem(b -> b.tableName(db.tables().ledger())
                                        .key(BALANCE)
                                        .updateExpression("ADD entryNote :n")
                                        .expressionAttributeValues(Map.of(":n", n("1")))),
                        "ValidationException"),
                row(
                        "update with a failed condition answers the current item and changes nothing",
                        balanceOf("100"),
                        db -> db.client()
                                .updateItem(b -> b.tableName(db.tables().ledger())
                                        .key(BALANCE)
                                        .updateExpression("ADD points :n")
                                        .conditionExpression("points < :cap")
                                        .expressionAttributeValues(Map.of(":n", n("5"), ":cap", n("50")))
                                        .returnValuesOnConditionCheckFailure(
                                                ReturnValuesOnConditionCheckFailure.ALL_OLD)),
                        "ConditionalCheckFailedException"),
                row(
                        "update of an absent item with attribute_exists fails without an item",
                        nothing(),
                        db -> db.client()
                                .updateItem(b -> b.tableName(db.tables().ledger())
                                        .key(BALANCE)
                                        .updateExpression("ADD points :n")
                                        .conditionExpression("attribute_exists(customerId)")
                                        .expressionAttributeValues(Map.of(":n", n("5")))
                                        .returnValuesOnConditionCheckFailure(
                                                ReturnValuesOnConditionCheckFailure.ALL_OLD)),
                        "ConditionalCheckFailedException"),
                row(
                        "SET copies another attribute",
                        claimOf("claim-1", 200),
                        db -> db.client()
                                .updateItem(b -> b.tableName(db.tables().orders())
                                        .key(Map.of("orderId", ORD_1))
                                        .updateExpression("SET previousClaim = claimId")
                                        .returnValues(ReturnValue.UPDATED_NEW)),
                        "OK"),
                row(
                        "SET from an absent attribute is refused",
                        claimOf("claim-1", 200),
                        db -> update(db, "SET previousClaim = messageId", Map.of()),
                        "ValidationException"),
                // Conditions as DynamoDB evaluates them.
                row(
                        "numbers compare by value: 100 = 100.0",
                        claimOf("claim-1", 100),
                        db -> putIf(db, "leaseExpiresAt = :v", Map.of(":v", n("100.0"))),
                        "OK"),
                row(
                        "a string never equals a number",
                        claimOf("claim-1", 100),
                        db -> putIf(db, "leaseExpiresAt = :v", Map.of(":v", s("100"))),
                        "ConditionalCheckFailedException"),
                row(
                        "<> on an absent attribute holds",
                        claimOf("claim-1", 100),
                        db -> putIf(db, "messageId <> :v", Map.of(":v", s("m-1"))),
                        "OK"),
                row(
                        "< on an absent attribute fails",
                        claimOf("claim-1", 100),
                        db -> putIf(db, "messageId < :v", Map.of(":v", s("m-1"))),
                        "ConditionalCheckFailedException"),
                row(
                        "<= >= > at and inside the bounds hold",
                        claimOf("claim-1", 100),
                        db -> putIf(
                                db,
                                "leaseExpiresAt >= :a AND leaseExpiresAt <= :a AND leaseExpiresAt > :b",
                                Map.of(":a", n("100"), ":b", n("-1"))),
                        "OK"),
                row(
                        "strings compare by their bytes",
                        claimOf("claim-1", 100),
                        db -> putIf(db, "claimId < :v", Map.of(":v", s("claim-10"))),
                        "OK"),
                row(
                        "AND binds tighter than OR",
                        claimOf("claim-1", 100),
                        db -> putIf(
                                db,
                                "attribute_not_exists(orderId) OR claimId = :c AND leaseExpiresAt < :now",
                                Map.of(":c", s("claim-1"), ":now", n("50"))),
                        "ConditionalCheckFailedException"),
                // What DynamoDB refuses before looking at any item.
                refused(
                        "an unused name placeholder is refused",
                        db -> db.client()
                                .putItem(b -> b.tableName(db.tables().orders())
                                        .item(Map.of("orderId", ORD_1))
                                        .conditionExpression("attribute_not_exists(orderId)")
                                        .expressionAttributeNames(Map.of("#s", "status")))),
                refused(
                        "a reserved word as a bare name in a condition is refused",
                        db -> putIf(db, "status = :v", Map.of(":v", s("SENT")))),
                refused(
                        "a reserved word as a bare name in an update is refused",
                        db -> update(db, "SET status = :v", Map.of(":v", s("SENT")))),
                refused(
                        "a key attribute in an update is refused",
                        db -> update(db, "SET orderId = :v", Map.of(":v", s("ord-2")))),
                refused(
                        "one attribute in two actions is refused",
                        db -> update(db, "SET claimId = :v REMOVE claimId", Map.of(":v", s("c")))),
                refused(
                        "a section used twice is refused",
                        db -> update(db, "SET claimId = :v SET messageId = :v", Map.of(":v", s("c")))),
                refused("an empty update expression is refused", db -> update(db, "", Map.of())),
                refused("a syntax error is refused", db -> update(db, "SET claimId = = :v", Map.of(":v", s("c")))),
                // Rewards and analytics: transactions.
                row(
                        "rewards credit: entry put and balance ADD commit together",
                        nothing(),
                        db -> credit(db, "ord-1", "120"),
                        "OK"),
                row(
                        "rewards credit of a credited order is cancelled and changes nothing",
                        db -> credit(db, "ord-1", "120"),
                        db -> credit(db, "ord-1", "120"),
                        "TransactionCanceledException [ConditionalCheckFailed, None]"),
                row(
                        "a failure in the middle cancels every action, reasons in order",
                        shipmentOf("ord-1"),
                        db -> db.client()
                                .transactWriteItems(b -> b.transactItems(
                                        entryPut(db, "ord-2", null),
                                        shipmentPut(db, "ord-1", null),
                                        balanceAdd(db, "5"))),
                        "TransactionCanceledException [None, ConditionalCheckFailed, None]"),
                row(
                        "a cancelled transaction answers the item where asked",
                        shipmentOf("ord-1"),
                        db -> db.client()
                                .transactWriteItems(b -> b.transactItems(
                                        balanceAdd(db, "5"),
                                        shipmentPut(db, "ord-1", ReturnValuesOnConditionCheckFailure.ALL_OLD))),
                        "TransactionCanceledException [None, ConditionalCheckFailed]"),
                row(
                        "ConditionCheck and Delete commit together",
                        shipmentOf("ord-1"),
                        db -> db.client()
                                .transactWriteItems(b -> b.transactItems(
                                        check(db, "ord-1"), deleteEntry(db, "ord-1"), balanceAdd(db, "5"))),
                        "OK"),
                row(
                        "a failed ConditionCheck cancels the Delete",
                        nothing(),
                        db -> db.client()
                                .transactWriteItems(b -> b.transactItems(check(db, "ord-1"), deleteEntry(db, "ord-1"))),
                        "TransactionCanceledException [ConditionalCheckFailed, None]"),
                refused(
                        "two actions on one item are refused",
                        db -> db.client()
                                .transactWriteItems(b -> b.transactItems(balanceAdd(db, "5"), balanceAdd(db, "6")))),
                row(
                        "GetItem of an absent item answers no item",
                        nothing(),
                        db -> db.client()
                                .getItem(b -> b.tableName(db.tables().orders())
                                        .key(Map.of("orderId", ORD_1))
                                        .consistentRead(true)),
                        "OK"));
    }

    /**
     * A place where an emulator answers differently from DynamoDB (and so from the stand-in). On that emulator the case
     * must still differ in exactly {@code parts}, so it fails once the emulator is fixed and can move to
     * {@link #parityTable()}; on other emulators it is an ordinary parity case.
     *
     * @param parts what differs: {@code outcome}, {@code returned}, {@code reasons} or {@code item <table> <key>}
     */
    record KnownGap(ParityCase parityCase, Emulator emulator, Set<String> parts, String why) {
        @Override
        public String toString() {
            return emulator + ": " + parityCase.name();
        }
    }

    static Stream<KnownGap> knownGaps() {
        return Stream.of(
                new KnownGap(
                        row(
                                "a transaction repeated with its ClientRequestToken is not applied twice",
                                db -> credit(db, "ord-1", "120", "token-replayed"),
                                db -> credit(db, "ord-1", "120", "token-replayed"),
                                "OK"),
                        Emulator.MOTO,
                        Set.of("outcome", "reasons"),
                        "moto ignores ClientRequestToken: the replay runs again and is cancelled by the entry's "
                                + "condition, where DynamoDB answers the first success"),
                new KnownGap(
                        row(
                                "a ClientRequestToken reused for another transaction is refused",
                                db -> credit(db, "ord-1", "120", "token-reused"),
                                db -> credit(db, "ord-2", "30", "token-reused"),
                                "IdempotentParameterMismatchException"),
                        Emulator.MOTO,
                        Set.of(
                                "outcome",
                                "item ledger " + keyText(BALANCE),
                                "item ledger " + keyText(entryKey("ord-2"))),
                        "moto ignores ClientRequestToken and writes the second transaction"),
                new KnownGap(
                        row(
                                "ADD answers numbers without trailing zeros",
                                nothing(),
                                db -> addPoints(db, "1.50", ReturnValue.UPDATED_NEW),
                                "OK"),
                        Emulator.MOTO,
                        Set.of("returned", "item ledger " + keyText(BALANCE)),
                        "moto keeps the scale of Python's Decimal (1.50); DynamoDB trims trailing zeros (1.5)"),
                new KnownGap(
                        row(
                                "< between a number and a string fails the condition",
                                claimOf("claim-1", 100),
                                db -> putIf(db, "leaseExpiresAt < :v", Map.of(":v", s("200"))),
                                "ConditionalCheckFailedException"),
                        Emulator.MOTO,
                        Set.of("outcome"),
                        "moto compares the Python values and answers 500 on the TypeError"),
                new KnownGap(
                        refused(
                                "an undefined name placeholder is refused",
                                db -> db.client()
                                        .putItem(b -> b.tableName(db.tables().orders())
                                                .item(Map.of("orderId", ORD_1))
                                                .conditionExpression("attribute_exists(#absent)"))),
                        Emulator.MOTO,
                        Set.of("outcome"),
                        "moto answers 500 (a KeyError) instead of a ValidationException"),
                new KnownGap(
                        row(
                                "UpdateItem without an UpdateExpression creates the item from its key",
                                nothing(),
                                db -> db.client()
                                        .updateItem(b -> b.tableName(db.tables().orders())
                                                .key(Map.of("orderId", ORD_1))),
                                "OK"),
                        Emulator.MOTO,
                        Set.of("outcome"),
                        "moto writes the item, then answers 500 when UpdateItem has no UpdateExpression"),
                new KnownGap(
                        refused(
                                "ADD of a string value is refused and writes nothing",
                                db -> db.client()
                                        .updateItem(b -> b.tableName(db.tables().ledger())
                                                .key(BALANCE)
                                                .updateExpression("ADD points :n")
                                                .expressionAttributeValues(Map.of(":n", s("1"))))),
                        Emulator.MOTO,
                        Set.of("item ledger " + keyText(BALANCE)),
                        "moto refuses the update but has already created the item from its key"),
                new KnownGap(
                        refused(
                                "an undefined value placeholder in a condition is refused",
                                db -> putIf(db, "claimId = :absent", Map.of(":v", s("x")))),
                        Emulator.MOTO,
                        Set.of("outcome"),
                        "moto answers 500 (a KeyError) instead of a ValidationException"),
                new KnownGap(
                        refused(
                                "an unused value placeholder beside a condition is refused",
                                db -> putIf(db, "attribute_not_exists(orderId)", Map.of(":v", s("x")))),
                        Emulator.MOTO,
                        Set.of("outcome", "item orders " + keyText(Map.of("orderId", ORD_1))),
                        "moto checks for unused placeholders in update expressions only, and writes the item"),
                new KnownGap(
                        refused(
                                "GetItem with a key of the wrong type is refused",
                                db -> db.client()
                                        .getItem(b -> b.tableName(db.tables().orders())
                                                .key(Map.of("orderId", n("1"))))),
                        Emulator.MOTO,
                        Set.of("outcome"),
                        "moto does not check key types on GetItem and answers no item"));
    }

    @BeforeAll
    static void startBothSides() {
        session = EmulatorSession.open();
        List<DynamoDbService.TableDefinition> definitions = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> names = Stream.concat(parityTable(), knownGaps().map(KnownGap::parityCase))
                .map(ParityCase::name)
                .toList();
        for (int i = 0; i < names.size(); i++) {
            Tables tables = new Tables("parity-" + run + "-" + i + "-orders", "parity-" + run + "-" + i + "-ledger");
            if (TABLES.put(names.get(i), tables) != null) {
                throw new IllegalStateException("Two parity cases are named '" + names.get(i) + "'");
            }
            definitions.add(new DynamoDbService.TableDefinition(tables.orders(), Map.of("orderId", "S")));
            Map<String, String> ledgerKeys = new LinkedHashMap<>();
            ledgerKeys.put("customerId", "S");
            ledgerKeys.put("entry", "S");
            definitions.add(new DynamoDbService.TableDefinition(tables.ledger(), ledgerKeys));
        }
        // The stand-in as the local runtime runs it: in-process, on a free loopback port, over its own data folder.
        Effects effects = new Effects();
        Journal.Opened journaled = Journal.open(folder.resolve("journal/journal.log"));
        journal = journaled.journal();
        dynamo = new DynamoDbService(folder.resolve("dynamodb"), definitions, effects, journal, journaled.records());
        // No case sends email, but the stand-in serves SES beside DynamoDB as it does for the runtime.
        SesService ses = new SesService(new Outbox(folder.resolve("outbox"), Clock.systemUTC()), effects);
        standIn = AwsStandIn.start(AwsStandIn.bind(), List.of(dynamo), ses, new PrintStream(System.err, true), effects);
        Map<String, String> aws = new LinkedHashMap<>(session.awsEnvironment());
        aws.put(AwsClients.ENDPOINT_VARIABLE, standIn.endpoint().toString());
        local = AwsClients.configure(DynamoDbClient.builder(), new Environment("dynamodb-parity", aws))
                .build();
    }

    @AfterAll
    static void stopBothSides() {
        if (local != null) {
            local.close();
        }
        if (standIn != null) {
            standIn.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
        if (journal != null) {
            journal.close();
        }
        if (session != null) {
            session.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parityTable")
    void emulatorAndStandInAnswerAlike(ParityCase parityCase) {
        // Arrange + Act
        Answer byEmulator = onEmulator(parityCase);
        Answer byStandIn = onStandIn(parityCase);

        // Assert
        assertThat(byStandIn.outcomeWithReasons())
                .as("stand-in against DynamoDB's documented answer")
                .isEqualTo(parityCase.dynamoDb());
        assertThat(byEmulator.differencesFrom(byStandIn))
                .as("%s against the stand-in: %s / %s", session.endpoint().emulator(), byEmulator, byStandIn)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownGaps")
    void knownGapsOfTheEmulatorStillDiffer(KnownGap gap) {
        // Arrange + Act
        Answer byEmulator = onEmulator(gap.parityCase());
        Answer byStandIn = onStandIn(gap.parityCase());

        // Assert
        assertThat(byStandIn.outcomeWithReasons())
                .as("stand-in against DynamoDB's documented answer")
                .isEqualTo(gap.parityCase().dynamoDb());
        Set<String> expected = session.endpoint().emulator() == gap.emulator() ? gap.parts() : Set.of();
        assertThat(byEmulator.differencesFrom(byStandIn))
                .as(
                        "known %s gap (%s); if this fails the gap is fixed: move the case to parityTable(). %s / %s",
                        gap.emulator(), gap.why(), byEmulator, byStandIn)
                .isEqualTo(new TreeSet<>(expected));
    }

    private static Answer onEmulator(ParityCase parityCase) {
        Tables tables = TABLES.get(parityCase.name());
        DynamoDbClient client = session.dynamo();
        createTable(client, tables.orders(), "orderId");
        createTable(client, tables.ledger(), "customerId", "entry");
        try {
            return Answer.of(parityCase, new Db(client, tables));
        } finally {
            client.deleteTable(b -> b.tableName(tables.orders()));
            client.deleteTable(b -> b.tableName(tables.ledger()));
        }
    }

    private static Answer onStandIn(ParityCase parityCase) {
        return Answer.of(parityCase, new Db(local, TABLES.get(parityCase.name())));
    }

    private static void createTable(DynamoDbClient client, String name, String... keys) {
        List<KeySchemaElement> schema = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            schema.add(KeySchemaElement.builder()
                    .attributeName(keys[i])
                    .keyType(i == 0 ? KeyType.HASH : KeyType.RANGE)
                    .build());
            attributes.add(AttributeDefinition.builder()
                    .attributeName(keys[i])
                    .attributeType(ScalarAttributeType.S)
                    .build());
        }
        client.createTable(b -> b.tableName(name)
                .keySchema(schema)
                .attributeDefinitions(attributes)
                .billingMode(BillingMode.PAY_PER_REQUEST));
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).build()) {
            waiter.waitUntilTableExists(b -> b.tableName(name));
        }
    }

    /** A key of one of the two tables. */
    record ItemKey(boolean orders, Map<String, AttributeValue> key) {
        String text() {
            return "item " + (orders ? "orders " : "ledger ") + keyText(key);
        }
    }

    /** One cancellation reason as the SDK gives it: code and, when asked for, the item. */
    record Reason(String code, Map<String, AttributeValue> item) {}

    /**
     * Everything compared of one side's answer to a case.
     *
     * @param returned the response's attributes (ReturnValues, GetItem's item) or the failed condition's item
     * @param items every key of {@link #KEYS} to its item afterwards, absent ones left out
     */
    record Answer(
            String outcome,
            Map<String, AttributeValue> returned,
            List<Reason> reasons,
            Map<String, Map<String, AttributeValue>> items) {

        static Answer of(ParityCase parityCase, Db db) {
            parityCase.arrange().accept(db);
            String outcome = "OK";
            Map<String, AttributeValue> returned = Map.of();
            List<Reason> reasons = List.of();
            try {
                returned = returnedBy(parityCase.act().apply(db));
            } catch (TransactionCanceledException cancelled) {
                outcome = cancelled.awsErrorDetails().errorCode();
                reasons = cancelled.hasCancellationReasons()
                        ? cancelled.cancellationReasons().stream()
                                .map(r -> new Reason(r.code(), r.hasItem() ? r.item() : Map.of()))
                                .toList()
                        : List.of();
            } catch (ConditionalCheckFailedException failed) {
                outcome = failed.awsErrorDetails().errorCode();
                returned = failed.hasItem() ? failed.item() : Map.of();
            } catch (AwsServiceException refused) {
                String code = refused.awsErrorDetails() == null
                        ? null
                        : refused.awsErrorDetails().errorCode();
                outcome = code == null ? "HTTP " + refused.statusCode() : code;
            }
            Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
            for (ItemKey key : KEYS) {
                String table = key.orders() ? db.tables().orders() : db.tables().ledger();
                GetItemResponse read = db.client()
                        .getItem(b -> b.tableName(table).key(key.key()).consistentRead(true));
                if (read.hasItem()) {
                    items.put(key.text(), read.item());
                }
            }
            return new Answer(outcome, returned, reasons, items);
        }

        private static Map<String, AttributeValue> returnedBy(DynamoDbResponse response) {
            if (response instanceof PutItemResponse put && put.hasAttributes()) {
                return put.attributes();
            }
            if (response instanceof UpdateItemResponse update && update.hasAttributes()) {
                return update.attributes();
            }
            if (response instanceof DeleteItemResponse delete && delete.hasAttributes()) {
                return delete.attributes();
            }
            if (response instanceof GetItemResponse get && get.hasItem()) {
                return get.item();
            }
            return Map.of();
        }

        /** The outcome as {@link ParityCase#dynamoDb()} states it. */
        String outcomeWithReasons() {
            return reasons.isEmpty()
                    ? outcome
                    : outcome + " " + reasons.stream().map(Reason::code).toList();
        }

        /** The parts in which this answer and {@code other} differ. */
        Set<String> differencesFrom(Answer other) {
            Set<String> parts = new TreeSet<>();
            if (!outcome.equals(other.outcome)) {
                parts.add("outcome");
            }
            if (!returned.equals(other.returned)) {
                parts.add("returned");
            }
            if (!reasons.equals(other.reasons)) {
                parts.add("reasons");
            }
            Set<String> keys = new TreeSet<>(items.keySet());
            keys.addAll(other.items.keySet());
            keys.stream()
                    .filter(key -> !Objects.equals(items.get(key), other.items.get(key)))
                    .forEach(parts::add);
            return parts;
        }
    }

    // --- the requests, written as the functions write them ---

    private static ParityCase row(
            String name, Consumer<Db> arrange, Function<Db, DynamoDbResponse> act, String dynamoDb) {
        return new ParityCase(name, arrange, act, dynamoDb);
    }

    /** A request DynamoDB refuses as invalid, on empty tables: the answer is a ValidationException and no change. */
    private static ParityCase refused(String name, Function<Db, DynamoDbResponse> act) {
        return row(name, nothing(), act, "ValidationException");
    }

    private static Consumer<Db> nothing() {
        return db -> {};
    }

    private static Map<String, AttributeValue> shipment(String orderId, String status) {
        return Map.of(
                "orderId",
                s(orderId),
                "status",
                s(status),
                "items",
                AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("sku", s("SKU-1"), "quantity", n("2"))))));
    }

    private static Consumer<Db> shipmentOf(String orderId) {
        return db -> db.client().putItem(b -> b.tableName(db.tables().orders()).item(shipment(orderId, "REQUESTED")));
    }

    private static Consumer<Db> claimOf(String claimId, long leaseExpiresAt) {
        return db -> db.client()
                .putItem(b -> b.tableName(db.tables().orders())
                        .item(Map.of(
                                "orderId",
                                ORD_1,
                                "status",
                                s("SENDING"),
                                "claimId",
                                s(claimId),
                                "leaseExpiresAt",
                                n(Long.toString(leaseExpiresAt)),
                                "expiresAt",
                                n("9000"))));
    }

    private static Consumer<Db> sentOf() {
        return db -> db.client()
                .putItem(b -> b.tableName(db.tables().orders())
                        .item(Map.of(
                                "orderId", ORD_1, "status", s("SENT"), "messageId", s("m-1"), "expiresAt", n("9000"))));
    }

    private static Consumer<Db> balanceOf(String points) {
        return db ->
                db.client().putItem(b -> b.tableName(db.tables().ledger()).item(with(BALANCE, "points", n(points))));
    }

    private static Consumer<Db> balanceNoted() {
        return db -> db.client()
                .putItem(b -> b.tableName(db.tables().ledger()).item(with(BALANCE, "entryNote", s("opening balance"))));
    }

    /** DynamoShipmentStore.addIfAbsent. */
    private static DynamoDbResponse addShipment(Db db, String status) {
        return db.client()
                .putItem(b -> b.tableName(db.tables().orders())
                        .item(shipment("ord-1", status))
                        .conditionExpression("attribute_not_exists(orderId)"));
    }

    /** DynamoConfirmationLedger.claim. */
    private static DynamoDbResponse claim(Db db, String claimId, long now) {
        return db.client()
                .putItem(b -> b.tableName(db.tables().orders())
                        .item(Map.of(
                                "orderId",
                                ORD_1,
                                "status",
                                s("SENDING"),
                                "claimId",
                                s(claimId),
                                "leaseExpiresAt",
                                n(Long.toString(now + 60)),
                                "expiresAt",
                                n("9000")))
                        .conditionExpression(
                                "attribute_not_exists(orderId) OR (#status = :sending AND leaseExpiresAt < :now)")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":sending", s("SENDING"), ":now", n(Long.toString(now))))
                        .returnValues(ReturnValue.ALL_OLD)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    /** DynamoConfirmationLedger.markSent. */
    private static DynamoDbResponse markSent(Db db) {
        return db.client()
                .updateItem(b -> b.tableName(db.tables().orders())
                        .key(Map.of("orderId", ORD_1))
                        .updateExpression("SET #status = :sent, messageId = :messageId, sentAt = :sentAt, "
                                + "expiresAt = :expiresAt REMOVE claimId, leaseExpiresAt")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(
                                ":sent",
                                s("SENT"),
                                ":messageId",
                                s("m-1"),
                                ":sentAt",
                                s("2025-03-14T09:26:53Z"),
                                ":expiresAt",
                                n("9000"))));
    }

    /** DynamoConfirmationLedger.release. */
    private static DynamoDbResponse release(Db db, String claimId) {
        return db.client()
                .deleteItem(b -> b.tableName(db.tables().orders())
                        .key(Map.of("orderId", ORD_1))
                        .conditionExpression("claimId = :claimId")
                        .expressionAttributeValues(Map.of(":claimId", s(claimId))));
    }

    /** The balance update of DynamoRewardsLedger, on its own. */
    private static DynamoDbResponse addPoints(Db db, String points, ReturnValue returnValue) {
        return db.client()
                .updateItem(b -> b.tableName(db.tables().ledger())
                        .key(BALANCE)
                        .updateExpression("ADD #points :points SET #updatedAt = :now")
                        .expressionAttributeNames(Map.of("#points", "points", "#updatedAt", "updatedAt"))
                        .expressionAttributeValues(Map.of(":points", n(points), ":now", s("2025-03-14T09:26:53Z")))
                        .returnValues(returnValue));
    }

    private static DynamoDbResponse putIf(Db db, String condition, Map<String, AttributeValue> values) {
        return db.client()
                .putItem(b -> b.tableName(db.tables().orders())
                        .item(Map.of("orderId", ORD_1, "status", s("WRITTEN")))
                        .conditionExpression(condition)
                        .expressionAttributeValues(values.isEmpty() ? null : values));
    }

    private static DynamoDbResponse update(Db db, String expression, Map<String, AttributeValue> values) {
        return db.client()
                .updateItem(b -> b.tableName(db.tables().orders())
                        .key(Map.of("orderId", ORD_1))
                        .updateExpression(expression)
                        .expressionAttributeValues(values.isEmpty() ? null : values));
    }

    /** DynamoRewardsLedger.creditOnce. */
    private static DynamoDbResponse credit(Db db, String orderId, String points) {
        return db.client()
                .transactWriteItems(b -> b.transactItems(entryPut(db, orderId, null), balanceAdd(db, points)));
    }

    private static DynamoDbResponse credit(Db db, String orderId, String points, String token) {
        return db.client()
                .transactWriteItems(b -> b.transactItems(entryPut(db, orderId, null), balanceAdd(db, points))
                        .clientRequestToken(token));
    }

    private static TransactWriteItem entryPut(Db db, String orderId, ReturnValuesOnConditionCheckFailure onFailure) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(db.tables().ledger())
                        .item(with(entryKey(orderId), "points", n("120")))
                        .conditionExpression("attribute_not_exists(customerId)")
                        .returnValuesOnConditionCheckFailure(onFailure)
                        .build())
                .build();
    }

    private static TransactWriteItem shipmentPut(Db db, String orderId, ReturnValuesOnConditionCheckFailure onFailure) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(db.tables().orders())
                        .item(shipment(orderId, "CHANGED"))
                        .conditionExpression("attribute_not_exists(orderId)")
                        .returnValuesOnConditionCheckFailure(onFailure)
                        .build())
                .build();
    }

    private static TransactWriteItem balanceAdd(Db db, String points) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(db.tables().ledger())
                        .key(BALANCE)
                        .updateExpression("ADD #points :points SET #updatedAt = :now")
                        .expressionAttributeNames(Map.of("#points", "points", "#updatedAt", "updatedAt"))
                        .expressionAttributeValues(Map.of(":points", n(points), ":now", s("2025-03-14T09:26:53Z")))
                        .build())
                .build();
    }

    private static TransactWriteItem check(Db db, String orderId) {
        return TransactWriteItem.builder()
                .conditionCheck(ConditionCheck.builder()
                        .tableName(db.tables().orders())
                        .key(Map.of("orderId", s(orderId)))
                        .conditionExpression("attribute_exists(orderId)")
                        .build())
                .build();
    }

    private static TransactWriteItem deleteEntry(Db db, String orderId) {
        return TransactWriteItem.builder()
                .delete(Delete.builder()
                        .tableName(db.tables().ledger())
                        .key(entryKey(orderId))
                        .build())
                .build();
    }

    private static Map<String, AttributeValue> entryKey(String orderId) {
        return Map.of("customerId", s("cust-1"), "entry", s("ORDER#" + orderId));
    }

    private static Map<String, AttributeValue> with(
            Map<String, AttributeValue> key, String name, AttributeValue value) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        item.put(name, value);
        return item;
    }

    private static String keyText(Map<String, AttributeValue> key) {
        return new TreeSet<>(key.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().s())
                        .toList())
                .toString();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
