package shop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.local.LocalSystem.number;
import static shop.local.LocalSystem.text;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.local.bus.Ledger;
import shop.local.json.Json;

/**
 * The whole choreography of template.yaml, running in this JVM: orders posted to the local HTTP API and followed to the
 * outbox and the tables, through the real functions' build output.
 */
class ChoreographyIT {

    @TempDir
    Path data;

    LocalSystem system;

    @BeforeEach
    void start() {
        system = LocalSystem.start(LocalSystem.template(), data);
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void orderWithRewardsSignupIsConfirmedShippedAndCredited() throws Exception {
        APIGatewayV2HTTPEvent request = LocalSystem.request("api-gateway/post-order-rewards-signup.json");
        String customerId =
                LocalSystem.body(request).path("customer").path("customerId").asText();

        HttpResponse<String> response = system.post(request);
        system.awaitSettled();

        assertThat(response.statusCode()).isEqualTo(202);
        String orderId = LocalSystem.orderId(response);
        MimeMessage email = onlyEmail();
        assertThat(email.getRecipients(Message.RecipientType.TO))
                .containsExactly(new InternetAddress("ines.marlowe@example.com"));
        assertThat(email.getFrom()).containsExactly(new InternetAddress("orders@shop.example"));
        assertThat(email.getContentType()).startsWith("multipart/alternative");
        assertThat(((MimeMultipart) email.getContent())
                        .getBodyPart(0)
                        .getContent()
                        .toString())
                .contains(orderId);
        assertThat(system.items("ShipmentsTable"))
                .singleElement()
                .satisfies(shipment -> assertThat(text(shipment, "orderId")).isEqualTo(orderId));
        assertThat(balance(customerId)).isEqualTo(43); // 2 x 12.50 + 18.99 EUR: a point per whole euro
        // The readable item files follow the journal within DynamoDbService's file delay (200 ms): wait, bounded.
        assertThat(filesOnceWritten("dynamodb/ShipmentsTable", 1, Duration.ofSeconds(10)))
                .hasSize(1);
        assertThat(system.runtime.unaccounted()).isEmpty();
    }

    @Test
    void orderWithoutSignupIsConfirmedAndShippedButReachesNoRewardsRule() throws Exception {
        HttpResponse<String> response = system.post(LocalSystem.request("api-gateway/post-order-no-signup.json"));
        system.awaitSettled();

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(system.emails()).hasSize(1);
        assertThat(system.items("ShipmentsTable")).hasSize(1);
        assertThat(system.items("RewardsTable")).isEmpty();
        assertThat(system.runtime.ledger().events())
                .singleElement()
                .satisfies(event -> assertThat(event.deliveries())
                        .extracting(Ledger.Delivery::function)
                        .doesNotContain("RewardsFunction")
                        .contains("EmailFunction"));
    }

    @Test
    void invalidOrderIsAnsweredWith400ListingItsErrorsAndPutsNoEvent() throws Exception {
        HttpResponse<String> response = system.post(LocalSystem.request("api-gateway/post-order-invalid.json"));
        system.awaitSettled();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parseTrusted(response.body()).path("errors").size()).isGreaterThan(1);
        assertThat(system.runtime.ledger().events()).isEmpty();
        assertThat(system.runtime.outbox().messages()).isEmpty();
        assertThat(system.consoleText()).contains("POST /orders -> 400").contains("invalid-order");
    }

    @Test
    void settledOrderPrintsOneBlockWithRulesOutcomesAndNoPersonalData() throws Exception {
        HttpResponse<String> response = system.post(LocalSystem.request("api-gateway/post-order-rewards-signup.json"));
        system.awaitSettled();

        String console = system.consoleText();
        assertThat(console)
                .contains("-- order " + LocalSystem.orderId(response))
                .contains("rules matched: "
                        + String.join(
                                ", ",
                                system.runtime.deployment().subscriptions().stream()
                                        .map(subscription -> subscription.rule())
                                        .toList()))
                .containsPattern("EmailFunction +ok +\\d+ ms")
                .containsPattern("RewardsFunction +ok +\\d+ ms")
                .contains("PutEvents OrderCreated on OrdersBus -> event ")
                .containsPattern("SendEmail -> \\S+\\.eml")
                .contains("PutItem ShipmentsTable orderId=" + LocalSystem.orderId(response))
                .contains("TransactWriteItems: Update RewardsTable customerId=cust-4711, entry=BALANCE (points=43)")
                .doesNotContain("ines.marlowe@example.com", "Ines Marlowe", "Lindenhof");
    }

    /**
     * 500 requests at once for 400 distinct orders: 100 of them are retries of an earlier request (same key, same
     * body), which checkout turns into the same order id. Every distinct order gets exactly one email, one shipment
     * and, for a rewards member, one credit.
     */
    @Test
    void fiveHundredConcurrentOrdersWithRepeatedKeysAreEachFulfilledExactlyOnce() throws Exception {
        List<APIGatewayV2HTTPEvent> requests = new ArrayList<>();
        Map<String, Long> expectedPointsByCustomer = new HashMap<>();
        for (int order = 0; order < 400; order++) {
            String customerId = "cust-" + (order % 40);
            boolean member = order % 40 < 25;
            int quantity = 1 + order % 3;
            APIGatewayV2HTTPEvent request = variant(customerId, member, quantity, "key-" + order);
            requests.add(request);
            if (order % 4 == 0) {
                requests.add(variant(customerId, member, quantity, "key-" + order));
            }
            if (member) {
                expectedPointsByCustomer.merge(customerId, (quantity * 1250L + 1899L) / 100, Long::sum);
            }
        }
        long started = System.nanoTime();

        List<CompletableFuture<HttpResponse<String>>> sent =
                requests.stream().map(system::send).toList();
        List<HttpResponse<String>> responses =
                sent.stream().map(CompletableFuture::join).toList();
        system.awaitSettled();
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(202);
        Set<String> orderIds = responses.stream().map(LocalSystem::orderId).collect(Collectors.toSet());
        assertThat(requests).hasSize(500);
        assertThat(orderIds).hasSize(400);
        assertThat(system.emails()).hasSize(400);
        assertThat(system.items("ShipmentsTable"))
                .extracting(item -> text(item, "orderId"))
                .containsExactlyInAnyOrderElementsOf(orderIds);
        Map<String, Long> balances = new HashMap<>();
        Set<String> creditedOrders = new HashSet<>();
        for (ObjectNode item : system.items("RewardsTable")) {
            if (text(item, "entry").equals("BALANCE")) {
                balances.put(text(item, "customerId"), number(item, "points"));
            } else {
                creditedOrders.add(text(item, "orderId"));
            }
        }
        assertThat(balances).isEqualTo(expectedPointsByCustomer);
        assertThat(creditedOrders).hasSize(25 * 10);
        // One event per request, plus one per PutEvents the SDK sent again after its 2 s attempt timeout (on a loaded
        // machine the bus can take an event and answer late): the subscribers absorb those, as the checks above show.
        assertThat(system.runtime.ledger().events())
                .hasSizeGreaterThanOrEqualTo(500)
                .extracting(
                        event -> event.envelope().path("detail").path("orderId").asText())
                .containsOnlyElementsOf(orderIds);
        assertThat(system.runtime.unaccounted()).isEmpty();
        long deliveries = system.runtime.ledger().events().stream()
                .mapToLong(event -> event.deliveries().size())
                .sum();
        System.out.printf(
                "500 concurrent orders (400 distinct, %d deliveries): %d ms from first request to last delivery%n",
                deliveries, elapsedMillis);
    }

    /** The sample, loaded afresh, for another customer, quantity and idempotency key. */
    private static APIGatewayV2HTTPEvent variant(String customerId, boolean member, int quantity, String key) {
        APIGatewayV2HTTPEvent request = LocalSystem.request("api-gateway/post-order-rewards-signup.json");
        ObjectNode body = LocalSystem.body(request);
        ObjectNode customer = (ObjectNode) body.path("customer");
        customer.put("customerId", customerId)
                .put("email", customerId + "@example.com")
                .put("rewardsSignup", member);
        ((ObjectNode) body.path("items").path(0)).put("quantity", quantity);
        request.setBody(body.toString());
        Map<String, String> headers = new HashMap<>(request.getHeaders());
        headers.put("idempotency-key", key);
        request.setHeaders(headers);
        Map<String, String> claims = new HashMap<>(
                request.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("sub", customerId);
        request.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return request;
    }

    private MimeMessage onlyEmail() {
        assertThat(system.emails()).hasSize(1);
        return system.emails().get(0);
    }

    private long balance(String customerId) {
        return system.items("RewardsTable").stream()
                .filter(item -> text(item, "customerId").equals(customerId)
                        && text(item, "entry").equals("BALANCE"))
                .mapToLong(item -> number(item, "points"))
                .findFirst()
                .orElseThrow();
    }

    /** The files in {@code folder} once there are {@code count} of them, or as they are when {@code bound} is up. */
    private List<Path> filesOnceWritten(String folder, int count, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            List<Path> found = Files.isDirectory(data.resolve(folder)) ? files(folder) : List.of();
            if (found.size() >= count || System.nanoTime() > deadline) {
                return found;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private List<Path> files(String folder) throws Exception {
        try (var files = Files.list(data.resolve(folder))) {
            return files.toList();
        }
    }
}
