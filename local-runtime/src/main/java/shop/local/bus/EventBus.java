package shop.local.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import shop.local.aws.EventSink;
import shop.local.deploy.Deployment;
import shop.local.deploy.Intrinsics;
import shop.local.journal.Journal;
import shop.local.json.Json;
import software.amazon.event.ruler.Machine;

/**
 * The local EventBridge buses: each accepted event is wrapped in EventBridge's envelope, matched by AWS's event-ruler
 * against every rule pattern of its bus (machines built once, from the template, at start) and handed to the
 * {@link AsyncInvoker} once per matching rule. Thread-safe: event-ruler machines may be read concurrently.
 */
public final class EventBus implements EventSink {

    private final Map<String, Machine> machines = new LinkedHashMap<>();
    private final Map<String, Deployment.Subscription> subscriptions = new LinkedHashMap<>();
    private final String region;
    private final Clock clock;
    private final Ledger ledger;
    private final AsyncInvoker invoker;
    private final Journal journal;

    /** The buses of {@code deployment}; each accepted event is in {@code journal}, on disk, before it is answered. */
    public EventBus(Deployment deployment, Clock clock, Ledger ledger, AsyncInvoker invoker, Journal journal) {
        this.journal = journal;
        this.region = deployment.region();
        this.clock = clock;
        this.ledger = ledger;
        this.invoker = invoker;
        deployment.buses().forEach(bus -> machines.put(bus, Machine.builder().build()));
        for (Deployment.Subscription subscription : deployment.subscriptions()) {
            try {
                machines.get(subscription.bus()).addRule(subscription.rule(), subscription.patternJson());
            } catch (IOException e) {
                // Deployment.of already compiled each pattern on its own; reaching this is a runtime bug.
                throw new IllegalStateException(
                        "event-ruler refused the pattern of " + subscription.rule() + " it accepted before", e);
            }
            subscriptions.put(subscription.rule(), subscription);
        }
    }

    @Override
    public Optional<String> bus(String nameOrArn) {
        String name =
                nameOrArn.contains(":event-bus/") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
        return machines.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    @Override
    public String put(
            String bus, String source, String detailType, JsonNode detail, List<String> resources, Instant time) {
        return publish(bus, source, detailType, detail, resources, time, Optional.empty());
    }

    /** As {@link #put}, for an event re-sent from the dead-letter store. */
    public String redrive(String bus, JsonNode deadLettered) {
        List<String> resources = new ArrayList<>();
        deadLettered.path("resources").forEach(r -> resources.add(r.asText()));
        return publish(
                bus,
                deadLettered.path("source").asText(),
                deadLettered.path("detail-type").asText(),
                deadLettered.path("detail"),
                resources,
                clock.instant(),
                Optional.of(deadLettered.path("id").asText()));
    }

    /** The rules of {@code bus} that match {@code envelope}, as EventBridge would find them, in template order. */
    public List<Deployment.Subscription> matches(String bus, JsonNode envelope) {
        try {
            List<String> matched = machines.get(bus).rulesForJSONEvent(envelope.toString());
            return subscriptions.values().stream()
                    .filter(s -> matched.contains(s.rule()))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("event-ruler could not read an envelope the bus built itself", e);
        }
    }

    private String publish(
            String bus,
            String source,
            String detailType,
            JsonNode detail,
            List<String> resources,
            Instant time,
            Optional<String> redriveOf) {
        String id = UUID.randomUUID().toString();
        ObjectNode envelope = envelope(id, source, detailType, detail, resources, time);
        List<Deployment.Subscription> matched = matches(bus, envelope);
        List<Ledger.Target> targets = matched.stream()
                .map(s -> new Ledger.Target(s.rule(), s.function()))
                .toList();
        Instant acceptedAt = clock.instant();
        // Accepted means durable: on disk before PutEvents answers, and before any delivery starts.
        journal.write(BusRecords.accepted(id, envelope, acceptedAt, redriveOf, targets));
        ledger.accepted(id, envelope, acceptedAt, redriveOf, targets);
        matched.forEach(subscription -> invoker.deliver(envelope, subscription.rule(), subscription.function(), 1));
        return id;
    }

    /** Resumes the deliveries a stopped or crashed runtime still owed, each after the attempts it had failed. */
    public void resume(List<BusRecords.PendingEvent> pending) {
        for (BusRecords.PendingEvent event : pending) {
            ledger.accepted(event.id(), event.envelope(), event.acceptedAt(), event.redriveOf(), event.targets());
        }
        for (BusRecords.PendingEvent event : pending) {
            event.owed()
                    .forEach(owed ->
                            invoker.deliver(event.envelope(), owed.rule(), owed.function(), owed.failedAttempts() + 1));
        }
    }

    /** EventBridge's envelope; its {@code time} has whole seconds, as EventBridge writes it. */
    private ObjectNode envelope(
            String id, String source, String detailType, JsonNode detail, List<String> resources, Instant time) {
        ObjectNode envelope = Json.object();
        envelope.put("version", "0");
        envelope.put("id", id);
        envelope.put("detail-type", detailType);
        envelope.put("source", source);
        envelope.put("account", Intrinsics.ACCOUNT_ID);
        envelope.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        envelope.put("region", region);
        ArrayNode resourceArns = envelope.putArray("resources");
        resources.forEach(resourceArns::add);
        envelope.set("detail", detail);
        return envelope;
    }
}
