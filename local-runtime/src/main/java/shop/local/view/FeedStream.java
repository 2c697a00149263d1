package shop.local.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import shop.local.bus.Ledger;
import shop.local.json.Json;

/**
 * The Server-Sent Events stream of the page: a new page first gets every order the ledger holds and the counters, then
 * each order whose state changed and the counters when they changed. Thread-safe: ticks and new pages are serialised,
 * so a page sees every change once, after its replay.
 */
final class FeedStream implements AutoCloseable {

    private final OrderFeed feed;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> sent = new LinkedHashMap<>();
    private final Map<String, String> sentFingerprints = new HashMap<>();
    private JsonNode sentStatus;
    private boolean statusChanged;
    private int idleTicks;

    FeedStream(OrderFeed feed) {
        this.feed = feed;
    }

    /** One open page. */
    private record Client(OutputStream out, CountDownLatch gone) {}

    /** Holds the exchange open, replaying then streaming, until the page goes away or the view stops. */
    void serve(HttpExchange exchange) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        Client client = new Client(exchange.getResponseBody(), new CountDownLatch(1));
        synchronized (this) {
            String changes = changes();
            if (!changes.isEmpty()) {
                clients.forEach(open -> write(open, changes)); // the pages already open must not miss these
            }
            StringBuilder replay = new StringBuilder();
            sent.values().forEach(order -> replay.append(message("order", order)));
            replay.append(message("status", sentStatus));
            if (!write(client, replay.toString())) {
                return;
            }
            clients.add(client);
        }
        client.gone().await();
    }

    /** Sends what changed since the last tick to every open page; a page that cannot be written to is dropped. */
    synchronized void tick() {
        if (clients.isEmpty()) {
            return; // nobody watches: the ledger is not read, so a load run pays nothing for the view
        }
        String changes = changes();
        if (changes.isEmpty() && ++idleTicks < 60) {
            return;
        }
        idleTicks = 0;
        // A comment line when nothing changed: finds pages that went away.
        String text = changes.isEmpty() ? ": idle\n\n" : changes;
        clients.forEach(client -> write(client, text));
    }

    /** The messages for what changed since last sent; empty when nothing did. */
    private String changes() {
        StringBuilder changes = new StringBuilder();
        for (JsonNode order : refresh()) {
            changes.append(message("order", order));
        }
        if (changes.length() > 0 || statusChanged) {
            changes.append(message("status", sentStatus));
        }
        return changes.toString();
    }

    /** Rereads the runtime; answers the orders that changed since last sent, and notes whether the counters did. */
    private List<JsonNode> refresh() {
        List<JsonNode> changed = new ArrayList<>();
        List<Ledger.Event> events = feed.events();
        feed.orders(events).forEach((id, order) -> {
            if (!order.fingerprint().equals(sentFingerprints.get(id))) {
                ObjectNode json = order.json().get();
                sentFingerprints.put(id, order.fingerprint());
                sent.put(id, json);
                changed.add(json);
            }
        });
        ObjectNode status = feed.status(events);
        statusChanged = !status.equals(sentStatus);
        sentStatus = status;
        return changed;
    }

    private static String message(String event, JsonNode data) {
        // JSON from Jackson holds no raw line break, so one data line carries it whole.
        return "event: " + event + "\ndata: " + new String(Json.bytes(data), StandardCharsets.UTF_8) + "\n\n";
    }

    private boolean write(Client client, String text) {
        try {
            client.out().write(text.getBytes(StandardCharsets.UTF_8));
            client.out().flush();
            return true;
        } catch (IOException gone) {
            clients.remove(client);
            client.gone().countDown();
            return false;
        }
    }

    @Override
    public void close() {
        clients.forEach(client -> client.gone().countDown());
        clients.clear();
    }
}
