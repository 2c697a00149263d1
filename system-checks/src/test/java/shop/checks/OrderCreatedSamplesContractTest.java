package shop.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.events.ConsumerContract;
import shop.events.EventJson;
import shop.events.InvalidEventException;
import shop.events.OrderCreated;
import shop.events.OrderCreatedEvent;
import shop.events.SchemaCheck;
import shop.template.FunctionResource;
import shop.template.SamTemplate;

/**
 * Both ends of the contract agree on the sample OrderCreated envelopes in {@code events/eventbridge/}: each one the
 * producer could emit validates against the producer schema, and every subscriber's own contract accepts every
 * deliverable sample; each poison sample is refused by at least one subscriber.
 */
class OrderCreatedSamplesContractTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate(Path.of("")));
    private static final Map<String, ConsumerContract> CONTRACTS = Subscribers.contracts(TEMPLATE);

    /** Samples of versions checkout publishes; {@code compatible/} holds minors it does not publish yet. */
    static Stream<String> publishedSamples() {
        return SampleEnvelopes.deliverable().stream().filter(sample -> !sample.startsWith("compatible/"));
    }

    static Stream<String> compatibleSamples() {
        return SampleEnvelopes.deliverable().stream().filter(sample -> sample.startsWith("compatible/"));
    }

    static Stream<String> poisonSamples() {
        return SampleEnvelopes.all().stream().filter(sample -> sample.startsWith("poison/"));
    }

    static Stream<Named<FunctionResource>> subscribers() {
        return TEMPLATE.functions().stream().filter(f -> !f.rules().isEmpty()).map(f -> Named.of(f.logicalId(), f));
    }

    static Stream<Arguments> everySubscriberWithEveryDeliverableSample() {
        return CONTRACTS.keySet().stream()
                .flatMap(consumer -> SampleEnvelopes.deliverable().stream()
                        .map(sample -> Arguments.of(Named.of(consumer + " accepts " + sample, consumer), sample)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subscribers")
    void handlerFindsItsOwnContractWhenFunctionsShareAClassPath(FunctionResource subscriber) throws Exception {
        Class<?> handler = Subscribers.handlerOf(subscriber);

        // The local runtime, the emulator suite and this module put every function on one class path; a resource name
        // all consumers share would resolve to the first jar's copy for all of them.
        String resource = Subscribers.contractResource(subscriber);
        URL resolved = handler.getResource(resource);

        assertThat(resolved)
                .as("%s resolves %s", handler.getSimpleName(), resource)
                .hasToString(Subscribers.ownContract(handler, subscriber).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedSamples")
    void sampleValidatesAgainstTheProducerSchemaOfItsVersion(String sample) {
        JsonNode detail = detailOf(SampleEnvelopes.load(sample));
        String version = detail.path("schemaVersion").asText();

        assertThat(OrderCreatedEvent.PUBLISHED_VERSIONS)
                .as("published versions")
                .contains(version);
        assertThat(SchemaCheck.producer(version).violations(detail))
                .as("violations of %s", sample)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compatibleSamples")
    void compatibleSampleIsAFutureMinorOfAPublishedMajor(String sample) {
        String version =
                detailOf(SampleEnvelopes.load(sample)).path("schemaVersion").asText();

        // Once checkout publishes this version, the sample belongs beside the others and must pass its schema.
        assertThat(OrderCreatedEvent.PUBLISHED_VERSIONS).doesNotContain(version);
        assertThat(OrderCreatedEvent.PUBLISHED_VERSIONS.stream().map(OrderCreatedEvent::majorOf))
                .contains(OrderCreatedEvent.majorOf(version));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySubscriberWithEveryDeliverableSample")
    void subscriberAcceptsSample(String consumer, String sample) {
        ScheduledEvent event = SampleEnvelopes.load(sample);
        JsonNode detail = detailOf(event);

        OrderCreated order = CONTRACTS.get(consumer).read(event.getSource(), event.getDetailType(), detail);

        assertThat(order.orderId()).isEqualTo(detail.path("orderId").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poisonSamples")
    void poisonSampleIsRefusedByAtLeastOneSubscriber(String sample) {
        ScheduledEvent event = SampleEnvelopes.load(sample);

        assertThat(CONTRACTS.values()).as("subscribers refusing %s", sample).anySatisfy(contract -> {
            Throwable refusal =
                    catchThrowable(() -> contract.read(event.getSource(), event.getDetailType(), detailOf(event)));
            assertThat(refusal).isInstanceOf(InvalidEventException.class);
        });
    }

    private static JsonNode detailOf(ScheduledEvent event) {
        return EventJson.mapper().valueToTree(event.getDetail());
    }
}
