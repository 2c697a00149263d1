package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.checks.TemplateTree.at;
import static shop.checks.TemplateTree.listOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.EventRule;
import shop.template.FunctionResource;
import shop.template.IntrinsicResolver;
import shop.template.SamTemplate;
import shop.wiring.metrics.MetricNames;
import shop.wiring.metrics.Metrics;

/**
 * What an operator sees of the deployed choreography: every function traced and logging JSON at set levels, every alarm
 * notifying the alarm topic, the alarms every function, rule and API needs, and a dashboard that names every function,
 * rule and queue and charts only the custom metrics the functions write.
 */
class ObservabilityTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));

    // Every metric the functions write in embedded metric format, from the one place the code names them.
    static final Set<String> CUSTOM_METRICS = Set.of(
            MetricNames.ORDERS_ACCEPTED,
            MetricNames.ORDERS_REFUSED,
            MetricNames.ORDERS_UNAVAILABLE,
            MetricNames.PUT_EVENTS_ATTEMPTS,
            MetricNames.PROCESSED,
            MetricNames.DUPLICATES,
            MetricNames.REJECTED,
            MetricNames.ORDER_AGE);

    static Stream<Named<FunctionResource>> functions() {
        return TEMPLATE.functions().stream().map(function -> Named.of(function.logicalId(), function));
    }

    static Stream<Named<EventRule>> rules() {
        return TEMPLATE.rules().stream().map(rule -> Named.of(rule.ruleLogicalId(), rule));
    }

    static Stream<Named<Map<String, Object>>> alarms() {
        return TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(id -> Named.of(id, TEMPLATE.resource(id)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void everyFunctionIsTracedActively(FunctionResource function) {
        assertThat(property(function.logicalId(), "Tracing"))
                .as("%s Tracing", function.logicalId())
                .isEqualTo("Active");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void everyFunctionLogsJsonAtLevelsTheStackSets(FunctionResource function) {
        Object logging = property(function.logicalId(), "LoggingConfig");

        assertThat(at(logging, "LogFormat"))
                .as("%s LogFormat", function.logicalId())
                .contains("JSON");
        assertThat(at(logging, "ApplicationLogLevel"))
                .as("%s ApplicationLogLevel", function.logicalId())
                .isPresent();
        assertThat(at(logging, "SystemLogLevel"))
                .as("%s SystemLogLevel", function.logicalId())
                .isPresent();
    }

    @Test
    void theTemplateHasAlarms() {
        // Dead-letter queues, functions (errors, throttles), rules (two each), the API, subscribers falling behind.
        assertThat(alarms())
                .hasSizeGreaterThanOrEqualTo(deadLetterQueues().size()
                        + 2 * TEMPLATE.functions().size()
                        + 2 * TEMPLATE.rules().size()
                        + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alarms")
    void everyAlarmNotifiesATopicOfTheStack(Map<String, Object> alarm) {
        List<Object> actions = listOf(at(alarm, "Properties", "AlarmActions").orElse(null));

        assertThat(actions)
                .as("AlarmActions")
                .isNotEmpty()
                .allSatisfy(action -> assertThat(SamTemplate.referencedId(action)
                                .map(id -> TEMPLATE.resource(id).get("Type")))
                        .as("action %s", action)
                        .contains("AWS::SNS::Topic"));
    }

    @Test
    void onlyThisAccountsAlarmsMayPublishToTheAlarmTopic() {
        List<Object> statements = TEMPLATE.resourcesOfType("AWS::SNS::TopicPolicy").stream()
                .flatMap(id ->
                        listOf(at(TEMPLATE.resource(id), "Properties", "PolicyDocument", "Statement")
                                        .orElse(null))
                                .stream())
                .toList();

        assertThat(TEMPLATE.resourcesOfType("AWS::SNS::Topic")).isNotEmpty();
        assertThat(statements).isNotEmpty().allSatisfy(statement -> {
            assertThat(at(statement, "Principal", "Service")).contains("cloudwatch.amazonaws.com");
            assertThat(listOf(at(statement, "Action").orElse(null))).containsExactly("sns:Publish");
            assertThat(at(statement, "Condition", "StringEquals", "aws:SourceAccount"))
                    .contains(Map.of("Ref", "AWS::AccountId"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void everyFunctionHasErrorAndThrottleAlarms(FunctionResource function) {
        for (String metric : List.of("Errors", "Throttles")) {
            assertThat(alarmsOn("AWS/Lambda", metric))
                    .as("%s alarms on %s", metric, function.logicalId())
                    .anySatisfy(alarm -> assertThat(dimensions(alarm))
                            .contains(Map.of("Name", "FunctionName", "Value", Map.of("Ref", function.logicalId()))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyRuleHasDeliveryAlarms(EventRule rule) {
        for (String metric : List.of("FailedInvocations", "InvocationsSentToDlq")) {
            assertThat(alarmsOn("AWS/Events", metric))
                    .as("%s alarms on %s", metric, rule.ruleLogicalId())
                    .anySatisfy(alarm -> {
                        assertThat(dimensions(alarm)).contains(Map.of("Name", "EventBusName", "Value", rule.busName()));
                        assertThat(dimensions(alarm)).anySatisfy(dimension -> {
                            assertThat(at(dimension, "Name")).contains("RuleName");
                            assertThat(IntrinsicResolver.references(dimension)).containsExactly(rule.ruleLogicalId());
                        });
                    });
        }
    }

    @Test
    void everyHttpApiHasAServerErrorAlarm() {
        List<String> apis = TEMPLATE.resourcesOfType("AWS::Serverless::HttpApi");

        assertThat(apis)
                .isNotEmpty()
                .allSatisfy(api -> assertThat(alarmsOn("AWS/ApiGateway", "5xx"))
                        .anySatisfy(alarm -> assertThat(dimensions(alarm))
                                .contains(Map.of("Name", "ApiId", "Value", Map.of("Ref", api)))));
    }

    @Test
    void subscribersFallingBehindAreAlarmedByMetricMath() {
        List<String> behind = alarms().filter(
                        alarm -> at(alarm.getPayload(), "Properties", "Metrics").isPresent())
                .map(Named::getName)
                .toList();

        assertThat(behind).isNotEmpty().allSatisfy(name -> {
            List<Object> queries =
                    listOf(at(TEMPLATE.resource(name), "Properties", "Metrics").orElse(null));
            assertThat(queries)
                    .as("%s: one expression returns data", name)
                    .filteredOn(query ->
                            at(query, "ReturnData").filter(Boolean.TRUE::equals).isPresent())
                    .singleElement()
                    .satisfies(query -> assertThat(at(query, "Expression")).isPresent());
            assertThat(queries)
                    .extracting(query ->
                            at(query, "MetricStat", "Metric", "MetricName").orElse(null))
                    .contains("OrdersAccepted", "OrdersProcessed");
        });
    }

    @Test
    void theDashboardNamesEveryFunctionRuleAndQueue() {
        Object body = dashboardBody();
        Set<String> named = IntrinsicResolver.references(body);

        TEMPLATE.functions()
                .forEach(function -> assertThat(named).as("dashboard names").contains(function.logicalId()));
        TEMPLATE.rules().forEach(rule -> assertThat(named).as("dashboard names").contains(rule.ruleLogicalId()));
        assertThat(TEMPLATE.resourcesOfType("AWS::SQS::Queue"))
                .isNotEmpty()
                .allSatisfy(queue -> assertThat(named).as("dashboard names").contains(queue));
    }

    @Test
    void theDashboardChartsOnlyMetricsTheFunctionsWrite() throws Exception {
        List<JsonNode> metrics = dashboardMetrics();
        Set<String> functionIds = Set.copyOf(
                TEMPLATE.functions().stream().map(FunctionResource::logicalId).toList());

        assertThat(metrics)
                .filteredOn(metric -> metric.get(0).asText().equals(Metrics.NAMESPACE))
                .isNotEmpty()
                .allSatisfy(metric -> {
                    assertThat(metric.get(1).asText()).isIn(CUSTOM_METRICS);
                    assertThat(metric.get(2).asText()).isEqualTo(Metrics.FUNCTION_DIMENSION);
                    assertThat(metric.get(3).asText()).isIn(functionIds);
                });
        assertThat(metrics)
                .extracting(metric -> metric.get(1).asText())
                .contains(
                        "OrdersAccepted",
                        "OrdersProcessed",
                        "OrderAgeMs",
                        "ApproximateNumberOfMessagesVisible",
                        "FailedInvocations",
                        "InvocationsSentToDlq",
                        "Errors",
                        "Throttles",
                        "Duration",
                        "4xx",
                        "5xx",
                        "Latency");
    }

    private static Object property(String function, String name) {
        Map<String, Object> own = TEMPLATE.resource(function);
        return at(own, "Properties", name)
                .or(() -> at(TEMPLATE.document(), "Globals", "Function", name))
                .orElse(null);
    }

    private static List<Map<String, Object>> alarmsOn(String namespace, String metric) {
        return alarms().map(Named::getPayload)
                .filter(alarm -> at(alarm, "Properties", "Namespace")
                        .filter(namespace::equals)
                        .isPresent())
                .filter(alarm -> at(alarm, "Properties", "MetricName")
                        .filter(metric::equals)
                        .isPresent())
                .toList();
    }

    private static List<Object> dimensions(Map<String, Object> alarm) {
        return listOf(at(alarm, "Properties", "Dimensions").orElse(null));
    }

    private static List<String> deadLetterQueues() {
        return TEMPLATE.resourcesOfType("AWS::SQS::Queue");
    }

    private static Object dashboardBody() {
        List<String> dashboards = TEMPLATE.resourcesOfType("AWS::CloudWatch::Dashboard");
        assertThat(dashboards).as("dashboards").hasSize(1);
        return at(TEMPLATE.resource(dashboards.get(0)), "Properties", "DashboardBody")
                .orElseThrow();
    }

    /** Each metric line of the dashboard, with the {@code Fn::Sub} variables left as their names. */
    private static List<JsonNode> dashboardMetrics() throws Exception {
        Object sub =
                at(dashboardBody(), "Fn::Sub").orElseThrow(() -> new AssertionError("DashboardBody is no Fn::Sub"));
        String text = String.valueOf(sub instanceof List<?> list ? list.get(0) : sub);
        JsonNode body = new ObjectMapper().readTree(text);
        List<JsonNode> metrics = new ArrayList<>();
        body.path("widgets")
                .forEach(widget -> widget.path("properties").path("metrics").forEach(metrics::add));
        return metrics;
    }
}
