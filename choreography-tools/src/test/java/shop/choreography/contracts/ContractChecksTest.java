package shop.choreography.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.choreography.Fixtures;
import shop.choreography.RepositoryFiles;
import shop.choreography.compatibility.PublishedSchemas;
import shop.events.OrderCreatedEvent;
import shop.template.SamTemplate;

class ContractChecksTest {

    private static final RepositoryFiles REPOSITORY = Fixtures.repository();
    private static final Real REAL = new Real(
            Subscribers.of(SamTemplate.load(REPOSITORY.template()), REPOSITORY),
            PublishedSchemas.load(
                    "OrderCreated", REPOSITORY.orderCreatedSchemas(), OrderCreatedEvent.PUBLISHED_VERSIONS),
            SampleEvent.under(REPOSITORY.eventBridgeSamples()));

    /** The repository's own subscribers, producer versions and samples. */
    private record Real(List<Subscriber> subscribers, PublishedSchemas producer, List<SampleEvent> samples) {}

    @Test
    void everySubscriberOfTheTemplateHasAContract() {
        assertThat(REAL.subscribers())
                .isNotEmpty()
                .allSatisfy(subscriber -> assertThat(subscriber.contract())
                        .as("contract of %s at %s", subscriber.label(), subscriber.contractPath())
                        .isPresent());
    }

    @Test
    void theContractsRulesAndSamplesAgreeWithEveryPublishedVersion() {
        assertThat(ContractChecks.all(REAL.subscribers(), REAL.producer(), REAL.samples()))
                .isEmpty();
    }

    @Test
    void renamingAFieldAConsumerReadsFailsNamingThatConsumer() {
        PublishedSchemas renamed = history("renames-customer-email-in-minor", "1.0", "1.1");

        List<String> problems = ContractChecks.all(REAL.subscribers(), renamed, REAL.samples());

        assertThat(problems)
                .containsExactly("email-function (EmailFunction) reads customer.email (string, required), which "
                        + "OrderCreated 1.1 does not have: was it removed or renamed?");
        assertThat(renamed.problems())
                .singleElement()
                .asString()
                .contains("OrderCreated 1.0 -> 1.1 breaks consumers: field renamed at customer.email");
    }

    @Test
    void theSameRenameUnderANewMajorLeavesConsumersOfTheOldMajorAlone() {
        PublishedSchemas renamed = history("renames-customer-email-in-major", "1.0", "2.0");

        assertThat(ContractChecks.all(REAL.subscribers(), renamed, REAL.samples()))
                .isEmpty();
        assertThat(renamed.problems()).isEmpty();
    }

    static Stream<Arguments> contracts() {
        return Stream.of(
                contract(
                        "reads a field the producer does not have",
                        "reads-missing-field",
                        "fixture-function (FixtureFunction) reads customer.loyaltyTier"
                                + " (string, required), which OrderCreated {version}"
                                + " does not have: was it removed or renamed?"),
                contract(
                        "requires a field the producer leaves optional",
                        "requires-optional-field",
                        "fixture-function (FixtureFunction) requires shippingAddress.line2,"
                                + " which OrderCreated {version} does not guarantee" + " (optional there)"),
                contract(
                        "reads a field as another type",
                        "reads-quantity-as-string",
                        "fixture-function (FixtureFunction) reads items[].quantity as string,"
                                + " but OrderCreated {version} sends integer, required"),
                contract(
                        "accepts fewer values than the producer sends",
                        "accepts-only-euros",
                        "fixture-function (FixtureFunction) accepts only [\"EUR\"] at"
                                + " total.currency, but OrderCreated {version} allows any value"),
                contract("reads integers as numbers", "reads-prices-as-numbers", null),
                contract("reads an optional field as optional", "reads-optional-region", null));
    }

    /**
     * The problems expected: one per published version when {@code expected} names {@code {version}} (the fixture
     * breaks what every version guarantees), else just {@code expected}.
     */
    private static List<String> perPublishedVersion(Optional<String> expected) {
        return expected.map(message -> message.contains("{version}")
                        ? OrderCreatedEvent.PUBLISHED_VERSIONS.stream()
                                .map(v -> message.replace("{version}", v))
                                .toList()
                        : List.of(message))
                .orElse(List.of());
    }

    private static Arguments contract(String name, String fixture, String expected) {
        return Arguments.of(name, fixture, Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void aContractIsHeldToWhatEveryProducerVersionGuarantees(String name, String fixture, Optional<String> expected) {
        Subscriber subscriber = withContract(REAL.subscribers().get(0), "FixtureFunction", "fixture-function", fixture);

        List<String> problems = ContractChecks.againstProducer(subscriber, REAL.producer());

        assertThat(problems).containsExactlyElementsOf(perPublishedVersion(expected));
    }

    @Test
    void aContractMustAcceptEverySampleItsRuleLetsThrough() {
        Subscriber euroOnly =
                withContract(REAL.subscribers().get(0), "FixtureFunction", "fixture-function", "accepts-only-euros");

        List<String> problems = ContractChecks.againstSamples(euroOnly, REAL.samples());

        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("fixture-function (FixtureFunction) contract rejects sample"
                        + " order-created-jpy.json (matched by rule ")
                .contains("currency");
    }

    static Stream<Arguments> rulePatterns() {
        return Stream.of(
                rule(
                        "a field the producer does not have",
                        "LoyaltyFunction",
                        "rule LoyaltyFunctionOrderCreated of loyalty-function"
                                + " (LoyaltyFunction) tests detail.customer.loyaltyTier,"
                                + " which OrderCreated {version} does not have: the rule would never match"),
                rule("a field inside an array, written as EventBridge does", "MugFunction", null),
                rule(
                        "a literal of the wrong type",
                        "SignupTextFunction",
                        "rule SignupTextFunctionOrderCreated of signup-text-function (SignupTextFunction) tests"
                                + " detail.customer.rewardsSignup against yes (string), but"
                                + " OrderCreated {version} has it as boolean,"
                                + " required: the rule would never match"),
                rule("a numeric range on an integer", "BigOrderFunction", null),
                rule(
                        "a major nobody publishes",
                        "NextMajorFunction",
                        "rule NextMajorFunctionOrderCreated of next-major-function (NextMajorFunction) lets through"
                                + " OrderCreated majors [3], but no version of them is"
                                + " published: the rule would never match"),
                rule(
                        "each branch of $or",
                        "EitherFunction",
                        "rule EitherFunctionOrderCreated of either-function (EitherFunction)"
                                + " tests detail.shippingAddress.giftWrap,"
                                + " which OrderCreated {version} does not have: the rule would never match"));
    }

    private static Arguments rule(String name, String functionId, String expected) {
        return Arguments.of(name, functionId, Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulePatterns")
    void aRuleMayOnlyTestFieldsTheProducerHas(String name, String functionId, Optional<String> expected) {
        Subscriber subscriber = fixtureSubscriber(functionId);

        List<String> problems = ContractChecks.rulePatterns(subscriber, REAL.producer());

        assertThat(problems).containsExactlyElementsOf(perPublishedVersion(expected));
    }

    @Test
    void aSubscriberNoSampleReachesIsReported() {
        Subscriber pounds = withContract(
                fixtureSubscriber("PoundsFunction"), "PoundsFunction", "pounds-function", "reads-optional-region");

        assertThat(ContractChecks.againstSamples(pounds, REAL.samples()))
                .containsExactly("no sample event reaches pounds-function (PoundsFunction): add one its"
                        + " rules match to events/eventbridge/,"
                        + " so its contract is checked against a real envelope");
    }

    @Test
    void aSubscriberWithoutAContractFailsNamingWhereItBelongs() {
        Subscriber noContract = fixtureSubscriber("MugFunction");

        assertThat(ContractChecks.againstProducer(noContract, REAL.producer()))
                .singleElement()
                .asString()
                .startsWith("mug-function (MugFunction) subscribes to OrderCreated but has no consumer contract at ")
                .contains("mug-function/src/main/resources/contract/mug-function/order-created.json");
    }

    private static PublishedSchemas history(String folder, String... versions) {
        return PublishedSchemas.load("OrderCreated", Fixtures.path("producers/" + folder), List.of(versions));
    }

    private static Subscriber fixtureSubscriber(String functionId) {
        SamTemplate template = SamTemplate.load(Fixtures.path("templates/rule-patterns.yaml"));
        return Subscribers.of(template, REPOSITORY).stream()
                .filter(subscriber -> subscriber.functionId().equals(functionId))
                .findFirst()
                .orElseThrow();
    }

    private static Subscriber withContract(Subscriber rulesFrom, String functionId, String name, String fixture) {
        return new Subscriber(
                functionId,
                name,
                rulesFrom.rules(),
                Fixtures.path("contracts/" + fixture + ".json"),
                Optional.of(Fixtures.json("contracts/" + fixture + ".json")));
    }
}
