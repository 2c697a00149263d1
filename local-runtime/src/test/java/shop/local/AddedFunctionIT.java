package shop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.local.fixture.AuditHandler;
import shop.local.fixture.BuildOutput;
import shop.local.json.Json;

/**
 * A function and rule added to the template only (here by a test fixture) run with no change to the local runtime:
 * loaded from its own build output, in its own class loader, invoked when its pattern matches and only then.
 */
class AddedFunctionIT {

    @TempDir
    Path scratch;

    @Test
    void functionAndRuleAddedToTheTemplateAreLoadedAndInvokedWhenThePatternMatches() throws Exception {
        Path code = BuildOutput.layOut(scratch.resolve("audit-function"), AuditHandler.class);
        Path received = scratch.resolve("received");
        Map<String, Object> audit = TemplateFixture.resourceFrom("audit-function.yaml");
        Map<String, Object> properties = TemplateFixture.map(audit.get("Properties"));
        properties.put("CodeUri", code.toString());
        TemplateFixture.map(TemplateFixture.map(properties.get("Environment")).get("Variables"))
                .put("RECEIVED_FOLDER", received.toString());
        Path template = TemplateFixture.ofRepositoryTemplate()
                .withResource("AuditFunction", audit)
                .writeTo(scratch);

        try (LocalSystem system = LocalSystem.start(template, scratch.resolve("data"))) {
            HttpResponse<String> noSignup = system.post(LocalSystem.request("api-gateway/post-order-no-signup.json"));
            system.post(LocalSystem.request("api-gateway/post-order-rewards-signup.json"));
            system.awaitSettled();

            List<JsonNode> events = receivedEvents(received);
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.path("source").asText()).isEqualTo("shop.checkout");
                assertThat(event.path("detail-type").asText()).isEqualTo("OrderCreated");
                assertThat(event.path("detail").path("orderId").asText()).isEqualTo(LocalSystem.orderId(noSignup));
                assertThat(event.fieldNames())
                        .toIterable()
                        .contains("version", "id", "account", "time", "region", "resources");
            });
            assertThat(Files.readString(received.resolve("class-loader.txt"))).isEqualTo("AuditFunction");
            assertThat(system.consoleText())
                    .contains("AuditFunctionNoSignupOrders")
                    .contains("shop.local.fixture.AuditHandler::handleRequest(InputStream)");
            assertThat(system.runtime.unaccounted()).isEmpty();
        }
    }

    private static List<JsonNode> receivedEvents(Path received) throws Exception {
        try (Stream<Path> files = Files.list(received)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> {
                        try {
                            return Json.parse(Files.readAllBytes(file));
                        } catch (Exception e) {
                            throw new AssertionError("Unreadable event " + file, e);
                        }
                    })
                    .toList();
        }
    }
}
