package shop.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SamTemplateTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));

    static Stream<Arguments> configuredPaths() {
        return Stream.of(
                Arguments.of("no property: the template found from the working directory", null, "template.yaml"),
                Arguments.of(
                        "the property: the file it names",
                        "src/test/resources/templates/intrinsics.yaml",
                        "src/test/resources/templates/intrinsics.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configuredPaths")
    void theConfiguredTemplateIsThePropertysFileElseTheLocatedOne(String name, String property, String expected) {
        Path found = withPathProperty(property, SamTemplate::locateConfigured);

        Path expectedFile = property == null ? SamTemplate.locate(Path.of("")) : Path.of(expected);
        assertThat(found).isEqualTo(expectedFile).endsWith(Path.of(expected)).isRegularFile();
    }

    @Test
    void aConfiguredPathThatIsNoFileIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> withPathProperty("no/such/template.yaml", SamTemplate::locateConfigured))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SamTemplate.PATH_PROPERTY)
                .hasMessageContaining("template.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "EmailFunction, ConfirmationsTable, EmailDeadLetterQueue",
        "RewardsFunction, RewardsTable, RewardsDeadLetterQueue",
        "CheckoutFunction, '', ''"
    })
    void aFunctionNamesTheTablesItWritesAndTheQueuesItsFailuresArePutIn(String function, String table, String queue) {
        FunctionResource resource = TEMPLATE.function(function);

        assertThat(resource.referencedAmong(Set.copyOf(TEMPLATE.resourcesOfType("AWS::DynamoDB::Table"))))
                .containsExactlyElementsOf(table.isEmpty() ? List.of() : List.of(table));
        assertThat(resource.deadLetterQueues()).containsExactlyElementsOf(queue.isEmpty() ? List.of() : List.of(queue));
    }

    /** Runs {@code call} with the property set to {@code value} (cleared if null), then restores what it was. */
    private static <T> T withPathProperty(String value, Supplier<T> call) {
        String before = System.getProperty(SamTemplate.PATH_PROPERTY);
        try {
            if (value == null) {
                System.clearProperty(SamTemplate.PATH_PROPERTY);
            } else {
                System.setProperty(SamTemplate.PATH_PROPERTY, value);
            }
            return call.get();
        } finally {
            if (before == null) {
                System.clearProperty(SamTemplate.PATH_PROPERTY);
            } else {
                System.setProperty(SamTemplate.PATH_PROPERTY, before);
            }
        }
    }

    @Test
    void findsTheCheckoutFunctionWithItsRouteAndGlobals() {
        FunctionResource checkout = TEMPLATE.function("CheckoutFunction");

        assertThat(checkout.handlerClass()).isEqualTo("shop.checkout.CheckoutHandler");
        assertThat(checkout.handlerMethod()).isEqualTo("handleRequest");
        assertThat(checkout.codeUri()).isEqualTo("checkout-function");
        assertThat(checkout.runtime()).isEqualTo("java21");
        assertThat(checkout.routes()).containsExactly(new HttpRoute("PostOrder", "POST", "/orders"));
        assertThat(checkout.environment()).containsEntry("EVENT_BUS_NAME", Map.of("Ref", "OrdersBus"));
    }

    @Test
    void readsEachConsumerRuleWithItsPatternAndDeadLetterQueue() {
        EventRule rewards = TEMPLATE.function("RewardsFunction").rules().get(0);

        assertThat(rewards.ruleLogicalId()).isEqualTo("RewardsFunctionOrderCreated");
        assertThat(rewards.busName()).isEqualTo(Map.of("Ref", "OrdersBus"));
        assertThat(rewards.patternJson()).contains("\"rewardsSignup\":[true]");
        assertThat(rewards.deadLetterArn()).contains(Map.of("Fn::GetAtt", List.of("RewardsDeadLetterQueue", "Arn")));
        assertThat(SamTemplate.referencedId(rewards.deadLetterArn().orElseThrow()))
                .contains("RewardsDeadLetterQueue");
    }

    @Test
    void readsAsynchronousInvocationSettings() {
        AsyncInvokeConfig email =
                TEMPLATE.function("EmailFunction").asyncInvoke().orElseThrow();

        assertThat(email.maximumRetryAttempts()).isEqualTo(2);
        assertThat(SamTemplate.referencedId(email.onFailure().orElseThrow())).contains("EmailDeadLetterQueue");
    }

    @Test
    void readsTableKeys() {
        assertThat(TEMPLATE.tables())
                .contains(
                        new TableResource("ShipmentsTable", "orderId", Optional.empty(), Optional.empty()),
                        new TableResource("RewardsTable", "customerId", Optional.of("entry"), Optional.empty()),
                        new TableResource("ConfirmationsTable", "orderId", Optional.empty(), Optional.of("expiresAt")));
    }

    @Test
    void turnsShortFormIntrinsicsIntoLongForm() {
        Map<String, Object> bus = TEMPLATE.resource("OrdersBus");

        assertThat(bus)
                .extractingByKey("Properties")
                .isEqualTo(Map.of("Name", Map.of("Fn::Sub", "${AWS::StackName}-orders")));
        assertThat(TEMPLATE.resourcesOfType("AWS::SQS::Queue"))
                .contains("EmailDeadLetterQueue", "WarehouseDeadLetterQueue", "RewardsDeadLetterQueue");
    }

    static Stream<Arguments> badTemplates() {
        return Stream.of(
                Arguments.of("handler-missing.yaml", "BrokenFunction.Handler is missing"),
                Arguments.of(
                        "pattern-not-a-mapping.yaml",
                        "ListenerFunction.Events.Everything.Properties.Pattern must be a mapping, found a list"),
                Arguments.of("table-without-hash-key.yaml", "LedgerTable.KeySchema has no HASH key"),
                Arguments.of("timeout-not-a-number.yaml", "SlowFunction.Timeout must be a whole number, found 'soon'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTemplates")
    void aTemplateItCannotUnderstandFailsNamingResourceAndProperty(String file, String message) throws IOException {
        try (Reader yaml =
                new InputStreamReader(getClass().getResourceAsStream("/templates/" + file), StandardCharsets.UTF_8)) {
            assertThatThrownBy(() -> SamTemplate.parse(yaml))
                    .isInstanceOf(TemplateException.class)
                    .hasMessage("template.yaml: " + message);
        }
    }
}
