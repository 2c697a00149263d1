package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.checks.TemplateTree.at;
import static shop.checks.TemplateTree.listOf;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.AsyncInvokeConfig;
import shop.template.EventRule;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

/**
 * Where a failed OrderCreated goes: every consumer rule retries and then parks the event in an encrypted SQS queue that
 * EventBridge may write to, every consumer's asynchronous invocation does the same, and every such queue has an alarm.
 */
class FailureRoutingTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));

    static Stream<Named<EventRule>> rules() {
        return TEMPLATE.rules().stream().map(rule -> Named.of(rule.ruleLogicalId(), rule));
    }

    static Stream<Named<FunctionResource>> consumers() {
        return TEMPLATE.functions().stream().filter(f -> !f.rules().isEmpty()).map(f -> Named.of(f.logicalId(), f));
    }

    static Stream<String> deadLetterQueues() {
        return TEMPLATE.functions().stream()
                .flatMap(function -> function.deadLetterQueues().stream())
                .distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleDeclaresItsRetryPolicy(EventRule rule) {
        Optional<Object> retry = at(ruleProperties(rule), "RetryPolicy");

        // Without it EventBridge retries for 24 hours and 185 times: the model's defaults would hide the omission.
        assertThat(retry).as("%s RetryPolicy", rule.ruleLogicalId()).isPresent();
        assertThat(at(retry.get(), "MaximumRetryAttempts")).isPresent();
        assertThat(at(retry.get(), "MaximumEventAgeInSeconds")).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleParksUndeliverableEventsInAnEncryptedQueue(EventRule rule) {
        String queue = rule.deadLetterArn().flatMap(SamTemplate::referencedId).orElse("(none)");

        assertThat(rule.deadLetterArn())
                .as("%s DeadLetterConfig.Arn", rule.ruleLogicalId())
                .contains(getAtt(queue, "Arn"));
        assertEncryptedQueue(queue);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eventBridgeMayWriteToTheRuleDeadLetterQueue(EventRule rule) {
        String queue = rule.deadLetterArn().flatMap(SamTemplate::referencedId).orElseThrow();

        // SAM names the generated rule <Function><Event>; the queue policy must let exactly that rule send.
        assertThat(queuePolicyStatements(queue))
                .as("statements of a QueuePolicy on %s", queue)
                .anySatisfy(statement -> {
                    assertThat(at(statement, "Effect")).contains("Allow");
                    assertThat(at(statement, "Principal", "Service")).contains("events.amazonaws.com");
                    assertThat(listOf(at(statement, "Action").orElse(null))).contains("sqs:SendMessage");
                    assertThat(listOf(at(statement, "Resource").orElse(null))).contains(getAtt(queue, "Arn"));
                    assertThat(listOf(at(statement, "Condition", "ArnEquals", "aws:SourceArn")
                                    .orElse(null)))
                            .contains(getAtt(rule.ruleLogicalId(), "Arn"));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consumers")
    void failedInvocationsGoToAnEncryptedQueue(FunctionResource consumer) {
        Optional<Object> destination = consumer.asyncInvoke().flatMap(AsyncInvokeConfig::onFailure);

        assertThat(consumer.asyncInvoke())
                .as("%s EventInvokeConfig", consumer.logicalId())
                .isPresent();
        assertThat(destination)
                .as("%s EventInvokeConfig OnFailure destination", consumer.logicalId())
                .isPresent();
        assertThat(at(
                        TEMPLATE.resource(consumer.logicalId()),
                        "Properties",
                        "EventInvokeConfig",
                        "DestinationConfig",
                        "OnFailure",
                        "Type"))
                .contains("SQS");
        String queue = SamTemplate.referencedId(destination.get()).orElse("(not a reference)");
        assertThat(destination)
                .as("%s OnFailure destination", consumer.logicalId())
                .contains(getAtt(queue, "Arn"));
        assertEncryptedQueue(queue);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deadLetterQueues")
    void everyDeadLetterQueueHasAnAlarm(String queue) {
        List<Map<String, Object>> alarms = TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(TEMPLATE::resource)
                .toList();

        assertThat(alarms).as("alarms watching %s", queue).anySatisfy(alarm -> {
            assertThat(at(alarm, "Properties", "Namespace")).contains("AWS/SQS");
            assertThat(at(alarm, "Properties", "MetricName")).contains("ApproximateNumberOfMessagesVisible");
            assertThat(listOf(at(alarm, "Properties", "Dimensions").orElse(null)))
                    .contains(Map.of("Name", "QueueName", "Value", getAtt(queue, "QueueName")));
        });
    }

    private static Object ruleProperties(EventRule rule) {
        return at(TEMPLATE.resource(rule.functionLogicalId()), "Properties", "Events", rule.eventName(), "Properties")
                .orElseThrow();
    }

    private static void assertEncryptedQueue(String queue) {
        assertThat(TEMPLATE.resourcesOfType("AWS::SQS::Queue"))
                .as("SQS queues of the template")
                .contains(queue);
        Map<String, Object> properties = TEMPLATE.resource(queue);
        boolean sqsManaged = at(properties, "Properties", "SqsManagedSseEnabled")
                .filter(Boolean.TRUE::equals)
                .isPresent();
        boolean kms = at(properties, "Properties", "KmsMasterKeyId").isPresent();
        assertThat(sqsManaged || kms)
                .as("%s is encrypted (SqsManagedSseEnabled: true or KmsMasterKeyId)", queue)
                .isTrue();
    }

    private static List<Object> queuePolicyStatements(String queue) {
        return TEMPLATE.resourcesOfType("AWS::SQS::QueuePolicy").stream()
                .map(TEMPLATE::resource)
                .filter(policy ->
                        listOf(at(policy, "Properties", "Queues").orElse(null)).contains(Map.of("Ref", queue)))
                .flatMap(
                        policy -> listOf(at(policy, "Properties", "PolicyDocument", "Statement")
                                        .orElse(null))
                                .stream())
                .map(Object.class::cast)
                .toList();
    }

    private static Map<String, Object> getAtt(String resource, String attribute) {
        return Map.of("Fn::GetAtt", List.of(resource, attribute));
    }
}
