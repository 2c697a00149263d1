package shop.choreography.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.choreography.Fixtures;
import shop.template.EventRule;
import shop.template.SamTemplate;

class RulePatternTest {

    private static final SamTemplate FIXTURE = SamTemplate.load(Fixtures.path("templates/rule-patterns.yaml"));

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(
                        "a nested literal",
                        "LoyaltyFunction",
                        List.of("customer.loyaltyTier"),
                        Set.of(),
                        List.of("detail-type = OrderCreated", "customer.loyaltyTier = gold")),
                Arguments.of(
                        "a prefix inside an array",
                        "MugFunction",
                        List.of("items.sku"),
                        Set.of(),
                        List.of("detail-type = OrderCreated", "items.sku prefix CUP")),
                Arguments.of(
                        "a numeric range",
                        "BigOrderFunction",
                        List.of("total.amount"),
                        Set.of(),
                        List.of("detail-type = OrderCreated", "total.amount numeric > 10000")),
                Arguments.of(
                        "a version prefix names the major",
                        "NextMajorFunction",
                        List.of("schemaVersion"),
                        Set.of("3"),
                        List.of("detail-type = OrderCreated", "schemaVersion prefix 3.")),
                Arguments.of(
                        "both branches of $or",
                        "EitherFunction",
                        List.of("customer.rewardsSignup", "shippingAddress.giftWrap"),
                        Set.of(),
                        List.of(
                                "detail-type = OrderCreated",
                                "customer.rewardsSignup = true",
                                "shippingAddress.giftWrap = true")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void readsWhatAPatternTests(
            String name, String functionId, List<String> detailPaths, Set<String> majors, List<String> shortForm) {
        EventRule rule = FIXTURE.function(functionId).rules().get(0);

        assertThat(RulePattern.detailFields(rule))
                .extracting(PatternField::detailPath)
                .containsExactlyElementsOf(detailPaths);
        assertThat(RulePattern.majors(rule)).isEqualTo(majors);
        assertThat(RulePattern.shortForm(rule)).containsExactlyElementsOf(shortForm);
    }
}
