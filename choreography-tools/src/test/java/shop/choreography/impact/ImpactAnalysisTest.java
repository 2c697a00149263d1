package shop.choreography.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.choreography.Choreography;
import shop.choreography.Fixtures;
import shop.choreography.schema.SchemaField;

/**
 * The expected answer for every field of OrderCreated, from template.yaml and the consumers' contracts. A new field in
 * the schema, a new rule or a contract that reads more fails here until this table says who is affected.
 */
class ImpactAnalysisTest {

    private static final ImpactAnalysis ANALYSIS = Choreography.load(Fixtures.repository()).impactAnalysis();

    private static final String EMAIL = "email-function";
    private static final String WAREHOUSE = "warehouse-function";
    private static final String REWARDS = "rewards-function";
    private static final String ANALYTICS = "analytics-function";
    private static final List<String> EVERY_RULE = List.of("EmailFunctionOrderCreated", "WarehouseFunctionOrderCreated",
            "RewardsFunctionOrderCreated", "AnalyticsFunctionOrderCreated");
    private static final List<String> NO_RULE = List.of();

    static Stream<Arguments> everyField() {
        return Stream.of(
                field("schemaVersion", EVERY_RULE, EMAIL, WAREHOUSE, REWARDS, ANALYTICS),
                field("orderId", NO_RULE, EMAIL, WAREHOUSE, REWARDS, ANALYTICS),
                field("createdAt", NO_RULE, WAREHOUSE, REWARDS),
                field("correlationId", NO_RULE),
                field("customer", List.of("RewardsFunctionOrderCreated"), EMAIL, WAREHOUSE, REWARDS),
                field("customer.customerId", NO_RULE, REWARDS),
                field("customer.email", NO_RULE, EMAIL),
                field("customer.name", NO_RULE, EMAIL, WAREHOUSE),
                field("customer.rewardsSignup", List.of("RewardsFunctionOrderCreated")),
                field("items", NO_RULE, EMAIL, WAREHOUSE, ANALYTICS),
                field("items[].sku", NO_RULE, WAREHOUSE, ANALYTICS),
                field("items[].name", NO_RULE, EMAIL, WAREHOUSE),
                field("items[].quantity", NO_RULE, EMAIL, WAREHOUSE, ANALYTICS),
                field("items[].unitPrice", NO_RULE, EMAIL, ANALYTICS),
                field("total", NO_RULE, EMAIL, REWARDS, ANALYTICS),
                field("total.amount", NO_RULE, EMAIL, REWARDS),
                field("total.currency", NO_RULE, EMAIL, REWARDS, ANALYTICS),
                field("shippingAddress", NO_RULE, WAREHOUSE),
                field("shippingAddress.line1", NO_RULE, WAREHOUSE),
                field("shippingAddress.line2", NO_RULE, WAREHOUSE),
                field("shippingAddress.city", NO_RULE, WAREHOUSE),
                field("shippingAddress.region", NO_RULE, WAREHOUSE),
                field("shippingAddress.postalCode", NO_RULE, WAREHOUSE),
                field("shippingAddress.country", NO_RULE, WAREHOUSE));
    }

    private static Arguments field(String path, List<String> rules, String... consumers) {
        return Arguments.of(path, rules, List.of(consumers));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyField")
    void listsTheRulesAndConsumersAChangeToTheFieldAffects(String field, List<String> rules, List<String> consumers) {
        Impact impact = ANALYSIS.of(field);

        assertThat(impact.ruleIds()).as("rules using %s", field).containsExactlyElementsOf(rules);
        assertThat(impact.consumerNames()).as("consumers reading %s", field).containsExactlyElementsOf(consumers);
        assertThat(impact.withoutContract()).isEmpty();
    }

    @Test
    void theTableCoversEveryFieldOfEveryPublishedVersion() {
        assertThat(everyField().map(arguments -> (String) arguments.get()[0]))
                .containsExactlyInAnyOrderElementsOf(ANALYSIS.fields().stream().map(SchemaField::path).toList());
    }

    @Test
    void anArrayFieldMayBeWrittenAsEventBridgePatternsWriteIt() {
        assertThat(ANALYSIS.of("items.sku").field().path()).isEqualTo("items[].sku");
    }

    @Test
    void anUnknownFieldFailsListingTheKnownOnes() {
        assertThatThrownBy(() -> ANALYSIS.of("customer.phone"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("OrderCreated has no field 'customer.phone'. Fields: schemaVersion, orderId,")
                .hasMessageContaining("items[].sku");
    }

    @Test
    void theReportNamesRulesWithTheirConditionAndConsumersWithWhatTheyRead() {
        assertThat(ANALYSIS.of("customer").report()).isEqualTo("""
                Changing OrderCreated field customer (object, required) affects:
                  rules whose pattern uses it: 1
                    RewardsFunctionOrderCreated -> RewardsFunction   customer.rewardsSignup = true
                  consumers whose contract reads it: 3
                    email-function (EmailFunction)   reads customer (required), customer.email (required), customer.name (required)
                    warehouse-function (WarehouseFunction)   reads customer (required), customer.name (required)
                    rewards-function (RewardsFunction)   reads customer (required), customer.customerId (required)
                """);
    }
}
