package shop.choreography.impact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.choreography.compatibility.PublishedSchemas;
import shop.choreography.contracts.Subscriber;
import shop.choreography.rules.PatternField;
import shop.choreography.rules.RulePattern;
import shop.choreography.schema.SchemaField;
import shop.choreography.schema.SchemaFields;
import shop.template.EventRule;

/**
 * Answers "if I change field X of OrderCreated, who is affected?" from the template's rules and the consumers'
 * contracts alone; no code is read and nothing runs.
 *
 * <p>A field is written {@code customer.email}, {@code items[].sku} or {@code items.sku} (arrays marked or not, as
 * EventBridge patterns write them). Fields of every published version are known. A field counts as used by a rule when
 * the pattern tests it or a field inside it, and as read by a consumer when its contract declares it, a field inside
 * it, or the whole object around it. Immutable, so thread-safe.
 */
public final class ImpactAnalysis {

    /**
     * Read by every consumer whether its contract lists it or not: {@code shop.events.ConsumerContract}, through which
     * every consumer reads the event, rejects a major it was not built for.
     */
    static final String VERSION_FIELD = "schemaVersion";

    private final List<Subscriber> subscribers;
    private final Map<String, SchemaField> fields;

    public ImpactAnalysis(List<Subscriber> subscribers, PublishedSchemas producer) {
        this.subscribers = List.copyOf(subscribers);
        Map<String, SchemaField> known = new LinkedHashMap<>();
        List<PublishedSchemas.Version> versions = producer.versions();
        for (int i = versions.size() - 1; i >= 0; i--) {
            SchemaFields.of(versions.get(i).schema()).all().forEach(field -> known.putIfAbsent(field.path(), field));
        }
        this.fields = known;
    }

    /** Every field of every published version, newest version's view first: the questions this can answer. */
    public List<SchemaField> fields() {
        return List.copyOf(fields.values());
    }

    /** The rules and consumers a change to {@code field} affects; fails naming the known fields when it is not one. */
    public Impact of(String field) {
        SchemaField target = find(field)
                .orElseThrow(() -> new IllegalArgumentException(
                        "OrderCreated has no field '" + field + "'. Fields: " + String.join(", ", fields.keySet())));
        List<Impact.RuleUse> rules = new ArrayList<>();
        List<Impact.ContractRead> reads = new ArrayList<>();
        List<String> withoutContract = new ArrayList<>();
        for (Subscriber subscriber : subscribers) {
            for (EventRule rule : subscriber.rules()) {
                for (PatternField tested : RulePattern.detailFields(rule)) {
                    if (SchemaFields.within(tested.detailPath(), target.path())) {
                        rules.add(
                                new Impact.RuleUse(rule.ruleLogicalId(), subscriber.functionId(), tested.shortForm()));
                    }
                }
            }
            if (subscriber.contract().isEmpty()) {
                withoutContract.add(subscriber.label());
            }
            subscriber.contract().ifPresent(contract -> {
                int before = reads.size();
                for (SchemaField read : SchemaFields.of(contract).all()) {
                    boolean readsIt = SchemaFields.within(read.path(), target.path());
                    boolean readsAllAroundIt = read.opaque() && SchemaFields.within(target.path(), read.path());
                    if (readsIt || readsAllAroundIt) {
                        reads.add(new Impact.ContractRead(
                                subscriber.name(), subscriber.functionId(), read.path(), read.guaranteed()));
                    }
                }
                if (reads.size() == before && target.path().equals(VERSION_FIELD)) {
                    reads.add(new Impact.ContractRead(
                            subscriber.name(),
                            subscriber.functionId(),
                            VERSION_FIELD + " (its major, checked by ConsumerContract)",
                            true));
                }
            });
        }
        return new Impact(target, List.copyOf(rules), List.copyOf(reads), List.copyOf(withoutContract));
    }

    private Optional<SchemaField> find(String field) {
        String plain = SchemaFields.plain(field.strip());
        return fields.values().stream()
                .filter(known -> SchemaFields.plain(known.path()).equals(plain))
                .findFirst();
    }
}
