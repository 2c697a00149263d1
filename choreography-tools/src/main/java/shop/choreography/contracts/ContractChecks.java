package shop.choreography.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import shop.choreography.compatibility.PublishedSchemas;
import shop.choreography.compatibility.PublishedSchemas.Version;
import shop.choreography.rules.PatternField;
import shop.choreography.rules.RulePattern;
import shop.choreography.schema.SchemaField;
import shop.choreography.schema.SchemaFields;
import shop.template.EventRule;
import software.amazon.event.ruler.Ruler;

/**
 * Holds each subscriber to what the producer publishes: its contract against every producer version of the majors its
 * rules let through, its contract against the sample events its rules match, and its rules' patterns against the
 * producer's fields. Every message names the subscriber. Stateless and thread-safe.
 */
public final class ContractChecks {

    private static final String EVENT = "OrderCreated";

    private ContractChecks() {}

    /** Every problem of every subscriber; empty when producer, contracts, samples and rules agree. */
    public static List<String> all(List<Subscriber> subscribers, PublishedSchemas producer, List<SampleEvent> samples) {
        List<String> problems = new ArrayList<>();
        for (Subscriber subscriber : subscribers) {
            problems.addAll(againstProducer(subscriber, producer));
            problems.addAll(againstSamples(subscriber, samples));
            problems.addAll(rulePatterns(subscriber, producer));
        }
        return problems;
    }

    /**
     * Every field the contract reads must exist in each producer version the subscriber receives, with a type the
     * contract accepts; a field the contract requires must be required there too; listed values must stay within the
     * contract's list.
     */
    public static List<String> againstProducer(Subscriber subscriber, PublishedSchemas producer) {
        if (subscriber.contract().isEmpty()) {
            return List.of(missingContract(subscriber));
        }
        List<String> problems = new ArrayList<>();
        List<SchemaField> reads = SchemaFields.of(subscriber.contract().get()).all();
        for (Version version : producer.ofMajors(majors(subscriber))) {
            SchemaFields published = SchemaFields.of(version.schema());
            String where = EVENT + " " + version.text();
            for (SchemaField read : reads) {
                Optional<SchemaField> sent = published.field(read.path());
                if (sent.isEmpty()) {
                    problems.add(subscriber.label() + " reads " + read.path() + " (" + read.describe() + "), which "
                            + where + " does not have: was it removed or renamed?");
                } else if (read.guaranteed() && !sent.get().guaranteed()) {
                    problems.add(subscriber.label() + " requires " + read.path() + ", which " + where
                            + " does not guarantee (optional there)");
                } else if (!SchemaField.typesFit(sent.get().types(), read.types())) {
                    problems.add(subscriber.label() + " reads " + read.path() + " as " + String.join("|", read.types())
                            + ", but " + where + " sends " + sent.get().describe());
                } else if (read.allowedValues().isPresent()
                        && !withinValues(sent.get(), read.allowedValues().get())) {
                    problems.add(subscriber.label() + " accepts only "
                            + read.allowedValues().get() + " at " + read.path() + ", but " + where + " allows "
                            + sent.get().allowedValues().map(Object::toString).orElse("any value"));
                }
            }
        }
        return problems;
    }

    /** Every sample envelope a rule of the subscriber matches must satisfy its contract; at least one must match. */
    public static List<String> againstSamples(Subscriber subscriber, List<SampleEvent> samples) {
        if (subscriber.contract().isEmpty()) {
            return List.of();
        }
        JsonSchema contract = compile(subscriber.contract().get());
        List<String> problems = new ArrayList<>();
        int reached = 0;
        for (SampleEvent sample : samples) {
            Optional<EventRule> rule =
                    subscriber.rules().stream().filter(r -> matches(sample, r)).findFirst();
            if (rule.isEmpty()) {
                continue;
            }
            reached++;
            for (ValidationMessage violation : contract.validate(sample.detail())) {
                problems.add(subscriber.label() + " contract rejects sample " + sample.name() + " (matched by rule "
                        + rule.get().ruleLogicalId() + "): " + violation.getMessage());
            }
        }
        if (reached == 0) {
            problems.add("no sample event reaches " + subscriber.label()
                    + ": add one its rules match to events/eventbridge/,"
                    + " so its contract is checked against a real envelope");
        }
        return problems;
    }

    /**
     * Each field a rule's pattern tests under {@code detail} must exist, with a matching type, in each version it lets
     * through.
     */
    public static List<String> rulePatterns(Subscriber subscriber, PublishedSchemas producer) {
        List<String> problems = new ArrayList<>();
        for (EventRule rule : subscriber.rules()) {
            String who = "rule " + rule.ruleLogicalId() + " of " + subscriber.label();
            if (producer.ofMajors(RulePattern.majors(rule)).isEmpty()) {
                problems.add(who + " lets through " + EVENT + " majors " + RulePattern.majors(rule)
                        + ", but no version of them is published: the rule would never match");
            }
            for (Version version : producer.ofMajors(RulePattern.majors(rule))) {
                SchemaFields published = SchemaFields.of(version.schema());
                for (PatternField tested : RulePattern.detailFields(rule)) {
                    Optional<SchemaField> field = published.field(tested.detailPath());
                    if (field.isEmpty()) {
                        problems.add(who + " tests " + tested.path() + ", which " + EVENT + " " + version.text()
                                + " does not have: the rule would never match");
                        continue;
                    }
                    for (Object matcher : tested.matchers()) {
                        matcherType(matcher)
                                .filter(type -> !canMatch(type, field.get().types()))
                                .ifPresent(type -> problems.add(who + " tests " + tested.path() + " against " + matcher
                                        + " (" + type + "), but " + EVENT + " " + version.text() + " has it as "
                                        + field.get().describe() + ": the rule would never match"));
                    }
                }
            }
        }
        return problems;
    }

    /** The majors a subscriber receives: the union of its rules'; empty (every major) if any rule filters none. */
    static Set<String> majors(Subscriber subscriber) {
        Set<String> majors = new LinkedHashSet<>();
        for (EventRule rule : subscriber.rules()) {
            Set<String> ruleMajors = RulePattern.majors(rule);
            if (ruleMajors.isEmpty()) {
                return Set.of();
            }
            majors.addAll(ruleMajors);
        }
        return majors;
    }

    private static boolean withinValues(SchemaField sent, List<JsonNode> accepted) {
        return sent.allowedValues().map(accepted::containsAll).orElse(false);
    }

    /**
     * Whether a field of {@code fieldTypes} can hold a value a matcher of {@code type} matches; numbers compare as
     * numbers.
     */
    private static boolean canMatch(String type, Set<String> fieldTypes) {
        Set<String> numeric = Set.of("integer", "number");
        return fieldTypes.isEmpty()
                || fieldTypes.contains(type)
                || (numeric.contains(type) && fieldTypes.stream().anyMatch(numeric::contains));
    }

    /** The JSON type a matcher can only match, when it has one; {@code exists}, {@code anything-but}... have none. */
    private static Optional<String> matcherType(Object matcher) {
        if (matcher instanceof String) {
            return Optional.of("string");
        }
        if (matcher instanceof Boolean) {
            return Optional.of("boolean");
        }
        if (matcher instanceof Integer || matcher instanceof Long) {
            return Optional.of("integer");
        }
        if (matcher instanceof Number) {
            return Optional.of("number");
        }
        if (matcher instanceof Map<?, ?> operator && operator.size() == 1) {
            String name = String.valueOf(operator.keySet().iterator().next());
            return switch (name) {
                case "prefix", "suffix", "equals-ignore-case", "wildcard" -> Optional.of("string");
                case "numeric" -> Optional.of("number");
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static boolean matches(SampleEvent sample, EventRule rule) {
        try {
            return Ruler.matchesRule(sample.json(), rule.patternJson());
        } catch (Exception e) {
            throw new IllegalStateException(
                    "event-ruler cannot match sample " + sample.name() + " against rule " + rule.ruleLogicalId() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static JsonSchema compile(JsonNode schema) {
        // Same dialect and format assertions as shop.events.SchemaCheck, which the consumers use at run time.
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
    }

    private static String missingContract(Subscriber subscriber) {
        return subscriber.label() + " subscribes to " + EVENT + " but has no consumer contract at "
                + subscriber.contractPath() + ": declare there, as a JSON Schema, the fields it reads";
    }
}
