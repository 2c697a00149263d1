package shop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.template.EventRule;
import shop.template.FunctionResource;
import shop.template.IntrinsicResolver;
import shop.template.ParameterValues;
import shop.template.PseudoParameters;
import shop.template.SamTemplate;
import shop.template.TableResource;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.VerificationStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What {@code template.yaml} declares, created in the emulator under one run's names: the bus, each function's rule
 * with its exact pattern (targeting a stand-in SQS queue instead of the function), the tables with their keys, and the
 * verified SES sender. {@link #close()} deletes it all again, so a long-lived emulator does not fill up.
 */
public final class ProvisionedStack implements AutoCloseable {

    /** Sender for the run; {@code SenderAddress} has no default, the deploy command supplies one. */
    static final String SENDER_PARAMETER = "SenderAddress";

    private final SamTemplate template;
    private final EmulatorSession session;
    private final IntrinsicResolver names;
    private final StackNames stackNames;
    private final Map<String, StandInQueue> queues = new LinkedHashMap<>();
    private final List<Runnable> teardown = new ArrayList<>();

    private ProvisionedStack(SamTemplate template, EmulatorSession session, String stackName) {
        this.template = template;
        this.session = session;
        this.stackNames = new StackNames(stackName);
        this.names = resolver(
                template,
                stackName,
                session.region(),
                Map.of(SENDER_PARAMETER, "orders@" + stackName + ".example.com"));
    }

    /**
     * The template's values as a stack of this name resolves them; {@code parameters} are the deploy command's
     * {@code --parameter-overrides}.
     */
    static IntrinsicResolver resolver(
            SamTemplate template, String stackName, String region, Map<String, String> parameters) {
        return new IntrinsicResolver(
                template,
                PseudoParameters.of(stackName, region, PseudoParameters.PLACEHOLDER_ACCOUNT),
                new ParameterValues(parameters, "give %s a value in ProvisionedStack.provision"),
                new StackNames(stackName));
    }

    /**
     * Provisions the template under a fresh stack name; fails, naming the resource, if the emulator refuses any of it.
     */
    public static ProvisionedStack provision(SamTemplate template, EmulatorSession session) {
        String stackName = "it" + UUID.randomUUID().toString().substring(0, 8);
        ProvisionedStack stack = new ProvisionedStack(template, session, stackName);
        try {
            stack.createBus();
            stack.createTables();
            stack.createRules();
            stack.verifySender();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public EmulatorSession session() {
        return session;
    }

    public String busName() {
        List<String> buses = template.resourcesOfType("AWS::Events::EventBus");
        if (buses.size() != 1) {
            throw new IllegalStateException("template.yaml declares " + buses.size()
                    + " event buses; the emulator suite provisions exactly one");
        }
        return names.nameOf(buses.get(0));
    }

    /** The table name this run gave a table of the template. */
    public String tableName(String tableLogicalId) {
        return names.nameOf(tableLogicalId);
    }

    public String senderAddress() {
        return names.parameter(SENDER_PARAMETER);
    }

    /** The queue standing in for {@code functionLogicalId} as its rule's target. */
    public StandInQueue queueOf(String functionLogicalId) {
        StandInQueue queue = queues.get(functionLogicalId);
        if (queue == null) {
            throw new IllegalArgumentException(
                    functionLogicalId + " has no EventBridgeRule in template.yaml; rules exist for " + queues.keySet());
        }
        return queue;
    }

    /** Every stand-in queue, by function logical id, in template order. */
    public Map<String, StandInQueue> queues() {
        return Map.copyOf(queues);
    }

    /**
     * The environment a function gets in this run: its template variables resolved to this run's names, plus region,
     * dummy credentials and the emulator endpoint, as the handlers' {@code Map<String, String>} constructors take it.
     */
    public Map<String, String> environmentOf(String functionLogicalId) {
        Map<String, String> environment =
                new LinkedHashMap<>(names.environmentOf(template.function(functionLogicalId)));
        environment.putAll(session.awsEnvironment());
        return Map.copyOf(environment);
    }

    /**
     * Puts an envelope's source, detail-type, detail, time and resources on this run's bus with the harness's own
     * client, as a producer would; returns the event id the bus gave it. The bus builds its own envelope around them.
     */
    public String putOnBus(JsonNode envelope) {
        List<String> resources = new ArrayList<>();
        envelope.path("resources").forEach(resource -> resources.add(resource.asText()));
        PutEventsRequestEntry.Builder entry = PutEventsRequestEntry.builder()
                .eventBusName(busName())
                .source(envelope.path("source").asText(null))
                .detailType(envelope.path("detail-type").asText(null))
                .detail(envelope.path("detail").toString())
                .resources(resources);
        if (envelope.path("time").isTextual()) {
            entry.time(Instant.parse(envelope.path("time").asText()));
        }
        PutEventsResultEntry result = session.events()
                .putEvents(r -> r.entries(entry.build()))
                .entries()
                .get(0);
        if (result.errorCode() != null) {
            throw new IllegalStateException(
                    "PutEvents refused the event: " + result.errorCode() + " " + result.errorMessage());
        }
        return result.eventId();
    }

    private void createBus() {
        String bus = busName();
        session.events().createEventBus(r -> r.name(bus));
        teardown.add(() -> session.events().deleteEventBus(r -> r.name(bus)));
    }

    private void createTables() {
        DynamoDbWaiter waiter = DynamoDbWaiter.builder()
                .client(session.dynamo())
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .maxAttempts(40)
                        .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(250)))
                        .build())
                .build();
        for (TableResource table : template.tables()) {
            String name = names.nameOf(table.logicalId());
            List<KeySchemaElement> keys = new ArrayList<>();
            List<AttributeDefinition> attributes = new ArrayList<>();
            keys.add(KeySchemaElement.builder()
                    .attributeName(table.hashKey())
                    .keyType(KeyType.HASH)
                    .build());
            attributes.add(attribute(table, table.hashKey()));
            table.rangeKey().ifPresent(range -> {
                keys.add(KeySchemaElement.builder()
                        .attributeName(range)
                        .keyType(KeyType.RANGE)
                        .build());
                attributes.add(attribute(table, range));
            });
            session.dynamo()
                    .createTable(r -> r.tableName(name)
                            .keySchema(keys)
                            .attributeDefinitions(attributes)
                            .billingMode(BillingMode.PAY_PER_REQUEST));
            teardown.add(() -> session.dynamo().deleteTable(r -> r.tableName(name)));
            waiter.waitUntilTableExists(r -> r.tableName(name))
                    .matched()
                    .exception()
                    .ifPresent(e -> {
                        throw new IllegalStateException(
                                "Table " + name + " (" + table.logicalId() + ") did not become active", e);
                    });
            table.ttlAttribute()
                    .ifPresent(ttl -> session.dynamo()
                            .updateTimeToLive(r -> r.tableName(name)
                                    .timeToLiveSpecification(
                                            s -> s.attributeName(ttl).enabled(true))));
        }
        waiter.close();
    }

    private void createRules() {
        for (FunctionResource function : template.functions()) {
            for (EventRule rule : function.rules()) {
                String bus = names.resolve(
                        rule.busName(),
                        function.logicalId(),
                        "Events." + rule.eventName() + ".Properties.EventBusName");
                StandInQueue queue = createQueue(function.logicalId());
                String ruleName = names.nameOf(rule.ruleLogicalId());
                session.events()
                        .putRule(r -> r.name(ruleName)
                                .eventBusName(bus)
                                .eventPattern(rule.patternJson())
                                .state(RuleState.ENABLED)
                                .description("Stand-in for " + rule.ruleLogicalId()));
                teardown.add(
                        () -> session.events().deleteRule(r -> r.name(ruleName).eventBusName(bus)));
                session
                        .events()
                        .putTargets(r -> r.rule(ruleName)
                                .eventBusName(bus)
                                .targets(Target.builder()
                                        .id(function.logicalId())
                                        .arn(queue.arn())
                                        .build()))
                        .failedEntries()
                        .stream()
                        .findFirst()
                        .ifPresent(failed -> {
                            throw new IllegalStateException(
                                    "Rule " + ruleName + " refused its stand-in target: " + failed.errorMessage());
                        });
                teardown.add(() -> session.events()
                        .removeTargets(r -> r.rule(ruleName).eventBusName(bus).ids(function.logicalId())));
            }
        }
    }

    private StandInQueue createQueue(String functionLogicalId) {
        if (queues.containsKey(functionLogicalId)) {
            throw new IllegalStateException(
                    functionLogicalId + " has more than one EventBridgeRule; give each its own stand-in queue first");
        }
        String url = session.sqs()
                .createQueue(r -> r.queueName(stackNames.standInQueue(functionLogicalId)))
                .queueUrl();
        teardown.add(() -> session.sqs().deleteQueue(r -> r.queueUrl(url)));
        String arn = session.sqs()
                .getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        StandInQueue queue = new StandInQueue(functionLogicalId, url, arn, session.sqs());
        queues.put(functionLogicalId, queue);
        return queue;
    }

    private void verifySender() {
        String sender = senderAddress();
        session.ses().createEmailIdentity(r -> r.emailIdentity(sender));
        teardown.add(() -> session.ses().deleteEmailIdentity(r -> r.emailIdentity(sender)));
        GetEmailIdentityResponse identity = session.ses().getEmailIdentity(r -> r.emailIdentity(sender));
        // Both emulators verify at once; real SES waits for a click on the link it mails.
        if (identity.verificationStatus() != VerificationStatus.SUCCESS
                && !Boolean.TRUE.equals(identity.verifiedForSendingStatus())) {
            throw new IllegalStateException(
                    "SES identity " + sender + " is not verified: " + identity.verificationStatus());
        }
    }

    private AttributeDefinition attribute(TableResource table, String name) {
        Object definitions =
                ((Map<?, ?>) template.resource(table.logicalId()).get("Properties")).get("AttributeDefinitions");
        if (definitions instanceof List<?> list) {
            for (Object raw : list) {
                if (raw instanceof Map<?, ?> definition && name.equals(definition.get("AttributeName"))) {
                    return AttributeDefinition.builder()
                            .attributeName(name)
                            .attributeType(
                                    ScalarAttributeType.fromValue(String.valueOf(definition.get("AttributeType"))))
                            .build();
                }
            }
        }
        throw new IllegalStateException(
                "template.yaml: " + table.logicalId() + ".AttributeDefinitions has no type for key " + name);
    }

    /** Deletes what {@link #provision} created, newest first; every failure is reported, none hides another. */
    @Override
    public void close() {
        IllegalStateException failures = null;
        for (int i = teardown.size() - 1; i >= 0; i--) {
            try {
                teardown.get(i).run();
            } catch (RuntimeException e) {
                if (failures == null) {
                    failures = new IllegalStateException("Tearing down stack " + stackNames.stackName() + " failed");
                }
                failures.addSuppressed(e);
            }
        }
        teardown.clear();
        if (failures != null) {
            throw failures;
        }
    }
}
