package shop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a rule target receives is what a subscriber is written against: the full EventBridge envelope, with the detail
 * exactly as the producer put it. The harness hands subscribers what the emulator routed, so where an emulator falls
 * short here, the subscribers see it too; those places are named known gaps.
 */
@ExtendWith(SdkCallReport.class)
class RoutedEnvelopeIT {

    @RegisterExtension
    static final EmulatorStack EMULATOR = new EmulatorStack();

    private static final Duration BOUND = Duration.ofSeconds(15);
    /** The fields of every EventBridge event, as the sample envelopes carry them. */
    private static final List<String> ENVELOPE_FIELDS =
            List.of("version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail");

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopeCases")
    void routedEnvelopeKeepsTheDetailAndEveryStandardField(EnvelopeCase envelopeCase) {
        // Act
        JsonNode routed = route(envelopeCase.envelope());

        // Assert
        assertThat(differences(envelopeCase.envelope(), routed))
                .as("how the routed envelope differs from what was put")
                .isEqualTo(envelopeCase.knownGapOn(EMULATOR.emulator()));
    }

    /**
     * One envelope, and the differences an emulator is known to introduce (each one a known gap that fails this case
     * once fixed).
     */
    record EnvelopeCase(String name, ObjectNode envelope, Emulator gapOn, List<String> gap) {
        List<String> knownGapOn(Emulator emulator) {
            return emulator == gapOn ? gap : List.of();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<EnvelopeCase> envelopeCases() {
        // moto builds target input from a text template without an account field.
        List<String> motoEnvelope = List.of("no account field");
        ObjectNode placeholder = Samples.freshOrder("order-created-no-signup.json");
        ((ObjectNode) placeholder.path("detail").path("items").get(0)).put("name", "Mug <region> edition");
        return Stream.of(
                new EnvelopeCase(
                        "signup sample",
                        Samples.freshOrder("order-created-rewards-signup.json"),
                        Emulator.MOTO,
                        motoEnvelope),
                new EnvelopeCase(
                        "no-signup sample",
                        Samples.freshOrder("order-created-no-signup.json"),
                        Emulator.MOTO,
                        motoEnvelope),
                new EnvelopeCase(
                        "JPY sample", Samples.freshOrder("order-created-jpy.json"), Emulator.MOTO, motoEnvelope),
                new EnvelopeCase(
                        "1.1 sample with new fields",
                        Samples.freshOrder("compatible/order-created-1.1-new-fields.json"),
                        Emulator.MOTO,
                        motoEnvelope),
                // moto fills that template by text replacement after inserting the detail, so "<region>" in an item
                // name becomes the region; EventBridge passes the detail through untouched.
                new EnvelopeCase(
                        "item name containing <region>",
                        placeholder,
                        Emulator.MOTO,
                        List.of("no account field", "detail changed")));
    }

    private static JsonNode route(ObjectNode envelope) {
        String eventId = EMULATOR.stack().putOnBus(envelope);
        return EMULATOR.stack()
                .queueOf("WarehouseFunction")
                .await(routed -> eventId.equals(routed.path("id").asText()), "event " + eventId, BOUND);
    }

    private static List<String> differences(JsonNode put, JsonNode routed) {
        List<String> found = new ArrayList<>();
        for (String field : ENVELOPE_FIELDS) {
            if (!routed.has(field)) {
                found.add("no " + field + " field");
            }
        }
        if (!put.path("detail").equals(routed.path("detail"))) {
            found.add("detail changed");
        }
        for (String field : List.of("source", "detail-type", "resources")) {
            if (!put.path(field).equals(routed.path(field))) {
                found.add(field + " changed");
            }
        }
        return found;
    }
}
