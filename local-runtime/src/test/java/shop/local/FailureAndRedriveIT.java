package shop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.local.LocalSystem.number;
import static shop.local.LocalSystem.text;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.local.bus.DeadLetterStore;
import shop.local.bus.Ledger;
import shop.local.bus.Redrive;

/**
 * A consumer that fails: Lambda's retries, then the dead letter, then the fix deployed (the real template, on the same
 * data folder) and a redrive, after which the order is credited exactly once and nothing else happens twice.
 */
class FailureAndRedriveIT {

    @TempDir
    Path data;

    @TempDir
    Path fixtureFolder;

    @Test
    void failingConsumerIsRetriedDeadLetteredAndCompletesExactlyOnceAfterTheFixAndRedrive() throws Exception {
        // A deployment mistake: the rewards function is told a table name that does not exist.
        Path broken = TemplateFixture.ofRepositoryTemplate()
                .changing(
                        "RewardsFunction",
                        properties -> TemplateFixture.map(TemplateFixture.map(properties.get("Environment"))
                                        .get("Variables"))
                                .put("REWARDS_TABLE", "RewardsTabel"))
                .writeTo(fixtureFolder);
        String orderId;
        try (LocalSystem system = LocalSystem.start(broken, data)) {
            HttpResponse<String> response =
                    system.post(LocalSystem.request("api-gateway/post-order-rewards-signup.json"));
            system.awaitSettled();
            orderId = LocalSystem.orderId(response);

            Ledger.Delivery rewards = delivery(system, "RewardsFunction");
            assertThat(rewards.outcome()).isEqualTo(Ledger.Outcome.DEAD_LETTERED);
            assertThat(rewards.attempts())
                    .hasSize(3)
                    .allSatisfy(attempt -> assertThat(
                                    attempt.failure().orElseThrow().errorType())
                            .endsWith("ResourceNotFoundException"));
            assertThat(delivery(system, "EmailFunction").outcome()).isEqualTo(Ledger.Outcome.SUCCEEDED);
            DeadLetterStore.DeadLetter letter = system.runtime
                    .deadLetters()
                    .list(Optional.of("RewardsFunction"))
                    .get(0);
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.record().path("requestContext").path("condition").asText())
                    .isEqualTo("RetriesExhausted");
            assertThat(letter.event().path("detail").path("orderId").asText()).isEqualTo(orderId);
            assertThat(letter.record().path("responsePayload").path("errorType").asText())
                    .endsWith("ResourceNotFoundException");
            assertThat(system.consoleText())
                    .containsPattern("RewardsFunction +FAILED +\\d+ ms +after 2 retries")
                    .contains(
                            "attempt 1 of 3: software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException: "
                                    + "Requested resource not found: Table: RewardsTabel not found")
                    .contains("from shop.rewards.")
                    .contains("attempt 3 of 3: the same"
                            + " software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException")
                    .contains("dead letter: ");
            assertThat(system.runtime.unaccounted()).isEmpty();
            assertThat(system.items("RewardsTable")).isEmpty();
        }

        try (LocalSystem fixed = LocalSystem.start(LocalSystem.template(), data)) {
            Redrive.Result redriven = fixed.runtime.redrive(Optional.empty());
            fixed.awaitSettled();

            assertThat(redriven.eventIds()).hasSize(1);
            assertThat(fixed.runtime
                            .ledger()
                            .event(redriven.eventIds().get(0))
                            .orElseThrow()
                            .succeeded())
                    .isTrue();
            assertThat(fixed.items("RewardsTable"))
                    .filteredOn(item -> text(item, "entry").equals("BALANCE"))
                    .singleElement()
                    .satisfies(balance -> assertThat(number(balance, "points")).isEqualTo(43));
            assertThat(fixed.items("RewardsTable"))
                    .filteredOn(item -> text(item, "entry").startsWith("ORDER#"))
                    .hasSize(1);
            assertThat(fixed.emails()).hasSize(1);
            assertThat(fixed.items("ShipmentsTable"))
                    .singleElement()
                    .satisfies(item -> assertThat(text(item, "orderId")).isEqualTo(orderId));
            assertThat(fixed.runtime.deadLetters().list(Optional.empty())).isEmpty();
            assertThat(fixed.runtime.unaccounted()).isEmpty();
            assertThat(fixed.runtime.redrive(Optional.empty()).eventIds()).isEmpty();
        }
    }

    @Test
    void deadLettersSurviveARestartAsFilesAFunctionCanBeNamedFor() throws Exception {
        Path broken = TemplateFixture.ofRepositoryTemplate()
                .changing(
                        "WarehouseFunction",
                        properties -> TemplateFixture.map(TemplateFixture.map(properties.get("Environment"))
                                        .get("Variables"))
                                .put("SHIPMENTS_TABLE", "NoSuchTable"))
                .writeTo(fixtureFolder);
        try (LocalSystem system = LocalSystem.start(broken, data)) {
            system.post(LocalSystem.request("api-gateway/post-order-no-signup.json"));
            system.awaitSettled();
        }

        try (LocalSystem restarted = LocalSystem.start(broken, data)) {
            assertThat(restarted.runtime.deadLetters().list(Optional.of("WarehouseFunction")))
                    .hasSize(1);
            assertThat(restarted.runtime.deadLetters().list(Optional.of("EmailFunction")))
                    .isEmpty();
            try (var files = Files.list(data.resolve("dead-letters/WarehouseFunction"))) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .singleElement()
                        .asString()
                        .endsWith(".json");
            }
        }
    }

    private static Ledger.Delivery delivery(LocalSystem system, String function) {
        return system.runtime.ledger().events().get(0).deliveries().stream()
                .filter(d -> d.function().equals(function))
                .findFirst()
                .orElseThrow();
    }
}
