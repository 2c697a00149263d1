package shop.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import shop.local.aws.ServiceError;

/**
 * The expressions of one request, parsed against its {@code ExpressionAttributeNames} and
 * {@code ExpressionAttributeValues}: exactly the part of DynamoDB's expression language the functions use, so that
 * everything emulated is also compared with an emulator (the parity suite in emulator-tests).
 *
 * <p>Emulated, on top-level attributes: conditions with {@code attribute_exists}, {@code attribute_not_exists}, the
 * comparisons {@code = <> < <= > >=}, {@code AND}, {@code OR} and parentheses; updates with {@code SET a = operand},
 * {@code ADD a :number} and {@code REMOVE a}, each section at most once. Like DynamoDB it refuses undefined or unused
 * placeholders, reserved words used as bare attribute names, overlapping paths and syntax errors. Everything else of
 * the language ({@code NOT}, {@code BETWEEN}, {@code IN}, the other functions, arithmetic, {@code DELETE}, sets in
 * {@code ADD}, nested paths, projections) is refused with a ValidationException naming the construct, so a function
 * that starts to use one fails locally at once instead of running on behaviour nobody compared with DynamoDB.
 */
final class Expressions {

    private static final Set<String> RESERVED_WORDS = reservedWords();
    private static final List<String> COMPARATORS = List.of("=", "<>", "<", "<=", ">", ">=");
    /** Functions of the language that are not emulated: refused by name rather than as unknown. */
    private static final Set<String> FUNCTIONS_NOT_EMULATED =
            Set.of("attribute_type", "begins_with", "contains", "size", "if_not_exists", "list_append");

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, JsonNode> values = new HashMap<>();
    private final Set<String> usedNames = new LinkedHashSet<>();
    private final Set<String> usedValues = new LinkedHashSet<>();

    Expressions(JsonNode attributeNames, JsonNode attributeValues) {
        attributeNames
                .properties()
                .forEach(field -> names.put(field.getKey(), field.getValue().asText()));
        attributeValues.properties().forEach(field -> {
            AttributeValues.validate(field.getKey(), field.getValue());
            values.put(field.getKey(), field.getValue());
        });
    }

    /** The expressions of {@code request}; call {@link #checkAllUsed()} once every expression is parsed. */
    static Expressions of(JsonNode request) {
        return new Expressions(request.path("ExpressionAttributeNames"), request.path("ExpressionAttributeValues"));
    }

    /** A condition that holds for an item (an empty object when there is no item). */
    interface Condition {
        boolean test(ObjectNode item);
    }

    /** Parses {@code expression}, or answers a condition that always holds when it is absent. */
    Condition condition(JsonNode expression) {
        if (expression == null || expression.isNull()) {
            return item -> true;
        }
        Parser parser = new Parser("ConditionExpression", expression.asText());
        Condition condition = parser.condition();
        parser.expectEnd();
        return condition;
    }

    /** Parses an update expression. */
    Update update(String expression) {
        Parser parser = new Parser("UpdateExpression", expression);
        Update update = parser.update();
        parser.expectEnd();
        return update;
    }

    /** No function reads part of an item, so a projection is refused rather than emulated: reads answer it whole. */
    void refuseProjection(JsonNode expression) {
        if (expression != null && !expression.isNull()) {
            throw notEmulated("ProjectionExpression", "a projection", expression.asText());
        }
    }

    /** DynamoDB refuses placeholders that no expression uses. */
    void checkAllUsed() {
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw ServiceError.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw ServiceError.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
    }

    /** The actions of an update expression, applied all at once to the item as it was, as DynamoDB does. */
    static final class Update {
        private final Map<String, Operand> sets = new LinkedHashMap<>();
        private final Map<String, BigDecimal> adds = new LinkedHashMap<>();
        private final Set<String> removes = new LinkedHashSet<>();
        private final Set<String> sections = new LinkedHashSet<>();
        private final String expression;

        Update(String expression) {
            this.expression = expression;
        }

        /** The attributes ADD counts up: counters, whose new values are worth showing. */
        Set<String> counters() {
            return adds.keySet();
        }

        /** Every attribute the update writes or removes. */
        Set<String> attributes() {
            Set<String> all = new LinkedHashSet<>(sets.keySet());
            all.addAll(adds.keySet());
            all.addAll(removes);
            return all;
        }

        /** The item after the update; {@code item} is left as it was. */
        ObjectNode apply(ObjectNode item) {
            ObjectNode updated = item.deepCopy();
            sets.forEach((name, operand) -> {
                JsonNode value = operand.value(item);
                if (value == null) {
                    throw ServiceError.validation(
                            "The provided expression refers to an attribute that does not exist in the item");
                }
                updated.set(name, value);
            });
            adds.forEach((name, number) -> {
                JsonNode current = item.get(name);
                if (current != null && !"N".equals(AttributeValues.type(current))) {
                    throw ServiceError.validation("An operand in the update expression has an incorrect data type");
                }
                BigDecimal start = current == null
                        ? BigDecimal.ZERO
                        : new BigDecimal(current.get("N").asText());
                updated.set(name, AttributeValues.number(start.add(number)));
            });
            removes.forEach(updated::remove);
            return updated;
        }

        private void section(String name) {
            if (!sections.add(name)) {
                throw invalid(
                        "UpdateExpression",
                        "The \"" + name + "\" section can only be used once in an update " + "expression",
                        expression);
            }
        }

        private void claim(String name) {
            if (attributes().contains(name)) {
                throw invalid(
                        "UpdateExpression",
                        "Two document paths overlap with each other; must remove or rewrite "
                                + "one of these paths; path one: [" + name + "], path two: [" + name + "]",
                        expression);
            }
        }
    }

    /** An attribute of the item or a placeholder's value. */
    private interface Operand {
        /** The value, or null when the attribute it reads is absent. */
        JsonNode value(ObjectNode item);
    }

    private static ServiceError invalid(String kind, String problem, String expression) {
        return ServiceError.validation("Invalid " + kind + ": " + problem + "; expression: " + expression);
    }

    private static ServiceError notEmulated(String kind, String construct, String expression) {
        return invalid(
                kind,
                construct + " is not emulated by the local stand-in (no function uses it; see the "
                        + "DynamoDB fidelity part of docs/reliability.md)",
                expression);
    }

    private enum Kind {
        NAME,
        VALUE,
        WORD,
        SYMBOL,
        END
    }

    private record Token(Kind kind, String text) {
        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }
    }

    /** Recursive descent over one expression; each method consumes what it parses. */
    private final class Parser {
        private final String kind;
        private final String expression;
        private final List<Token> tokens;
        private int next;

        Parser(String kind, String expression) {
            this.kind = kind;
            this.expression = expression;
            this.tokens = tokenize(expression);
        }

        Condition condition() {
            Condition left = conjunction();
            while (acceptWord("OR")) {
                Condition l = left;
                Condition r = conjunction();
                left = item -> l.test(item) || r.test(item);
            }
            return left;
        }

        private Condition conjunction() {
            Condition left = primary();
            while (acceptWord("AND")) {
                Condition l = left;
                Condition r = primary();
                left = item -> l.test(item) && r.test(item);
            }
            return left;
        }

        private Condition primary() {
            if (accept("(")) {
                Condition inner = condition();
                expect(")");
                return inner;
            }
            Token token = peek();
            if (token.is("NOT")) {
                throw notEmulated(kind, "NOT", expression);
            }
            if (token.kind() == Kind.WORD && peekAt(1).is("(")) {
                String function = token.text().toLowerCase(Locale.ROOT);
                if (!"attribute_exists".equals(function) && !"attribute_not_exists".equals(function)) {
                    throw unsupportedFunction(token);
                }
                next += 2;
                String name = path();
                expect(")");
                boolean exists = "attribute_exists".equals(function);
                return item -> item.has(name) == exists;
            }
            Operand left = operand();
            Token comparator = peek();
            if (comparator.is("BETWEEN") || comparator.is("IN")) {
                throw notEmulated(kind, comparator.text().toUpperCase(Locale.ROOT), expression);
            }
            if (comparator.kind() != Kind.SYMBOL || !COMPARATORS.contains(comparator.text())) {
                throw syntax(comparator);
            }
            next++;
            Operand right = operand();
            return switch (comparator.text()) {
                case "=" -> item -> AttributeValues.equal(left.value(item), right.value(item));
                // A missing attribute equals no value, so it is "not equal" to every value.
                case "<>" -> item -> !AttributeValues.equal(left.value(item), right.value(item));
                case "<" -> item -> compares(left.value(item), right.value(item), c -> c < 0);
                case "<=" -> item -> compares(left.value(item), right.value(item), c -> c <= 0);
                case ">" -> item -> compares(left.value(item), right.value(item), c -> c > 0);
                default -> item -> compares(left.value(item), right.value(item), c -> c >= 0);
            };
        }

        private Operand operand() {
            Token token = peek();
            if (token.kind() == Kind.VALUE) {
                JsonNode value = placeholder();
                return item -> value;
            }
            if (token.kind() == Kind.WORD && peekAt(1).is("(")) {
                throw unsupportedFunction(token);
            }
            String name = path();
            return item -> item.get(name);
        }

        Update update() {
            Update update = new Update(expression);
            if (peek().kind() == Kind.END) {
                throw invalid(kind, "The expression can not be empty", expression);
            }
            while (peek().kind() != Kind.END) {
                Token clause = peek();
                next++;
                if (clause.is("SET")) {
                    update.section("SET");
                    do {
                        String name = path();
                        expect("=");
                        update.claim(name);
                        Operand value = operand();
                        if (peek().is("+") || peek().is("-")) {
                            throw notEmulated(kind, "arithmetic (" + peek().text() + ") in SET", expression);
                        }
                        update.sets.put(name, value);
                    } while (accept(","));
                } else if (clause.is("ADD")) {
                    update.section("ADD");
                    do {
                        String name = path();
                        JsonNode value = placeholder();
                        String type = AttributeValues.type(value);
                        if (List.of("SS", "NS", "BS").contains(type)) {
                            throw notEmulated(kind, "ADD of a set (" + type + ")", expression);
                        }
                        if (!"N".equals(type)) {
                            throw invalid(
                                    kind,
                                    "Incorrect operand type for operator or function; operator: ADD, "
                                            + "operand type: " + type,
                                    expression);
                        }
                        update.claim(name);
                        update.adds.put(name, new BigDecimal(value.get("N").asText()));
                    } while (accept(","));
                } else if (clause.is("REMOVE")) {
                    update.section("REMOVE");
                    do {
                        String name = path();
                        update.claim(name);
                        update.removes.add(name);
                    } while (accept(","));
                } else if (clause.is("DELETE")) {
                    throw notEmulated(kind, "DELETE (removing members from a set)", expression);
                } else {
                    throw syntax(clause);
                }
            }
            return update;
        }

        private String path() {
            Token token = peek();
            String name;
            if (token.kind() == Kind.NAME) {
                name = names.get(token.text());
                if (name == null) {
                    throw invalid(
                            kind,
                            "An expression attribute name used in the document path is not defined; "
                                    + "attribute name: " + token.text(),
                            expression);
                }
                usedNames.add(token.text());
            } else if (token.kind() == Kind.WORD) {
                if (RESERVED_WORDS.contains(token.text().toUpperCase(Locale.ROOT))) {
                    throw invalid(
                            kind,
                            "Attribute name is a reserved keyword; reserved keyword: " + token.text(),
                            expression);
                }
                name = token.text();
            } else {
                throw syntax(token);
            }
            next++;
            if (peek().is(".") || peek().is("[")) {
                throw notEmulated(kind, "a nested document path (" + token.text() + peek().text() + "...)", expression);
            }
            return name;
        }

        private JsonNode placeholder() {
            Token token = peek();
            if (token.kind() != Kind.VALUE) {
                throw syntax(token);
            }
            JsonNode value = values.get(token.text());
            if (value == null) {
                throw invalid(
                        kind,
                        "An expression attribute value used in expression is not defined; attribute " + "value: "
                                + token.text(),
                        expression);
            }
            usedValues.add(token.text());
            next++;
            return value;
        }

        private ServiceError unsupportedFunction(Token token) {
            String function = token.text().toLowerCase(Locale.ROOT);
            if (FUNCTIONS_NOT_EMULATED.contains(function)) {
                return notEmulated(kind, "the function " + function, expression);
            }
            if ("attribute_exists".equals(function) || "attribute_not_exists".equals(function)) {
                // DynamoDB: these are conditions, not operands (attribute_exists(a) = :v).
                return invalid(
                        kind,
                        "The function is not allowed to be used this way in an expression; function: " + token.text(),
                        expression);
            }
            return invalid(kind, "Invalid function name; function: " + token.text(), expression);
        }

        private boolean accept(String symbol) {
            if (peek().kind() == Kind.SYMBOL && peek().text().equals(symbol)) {
                next++;
                return true;
            }
            return false;
        }

        private boolean acceptWord(String word) {
            if (peek().kind() == Kind.WORD && peek().is(word)) {
                next++;
                return true;
            }
            return false;
        }

        private void expect(String symbol) {
            if (!accept(symbol)) {
                throw syntax(peek());
            }
        }

        void expectEnd() {
            if (peek().kind() != Kind.END) {
                throw syntax(peek());
            }
        }

        private Token peek() {
            return peekAt(0);
        }

        private Token peekAt(int ahead) {
            return tokens.get(Math.min(next + ahead, tokens.size() - 1));
        }

        private ServiceError syntax(Token token) {
            String text = token.kind() == Kind.END ? "<EOF>" : token.text();
            return invalid(kind, "Syntax error; token: \"" + text + "\"", expression);
        }

        private List<Token> tokenize(String text) {
            List<Token> found = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '#' || c == ':' || Character.isLetter(c) || c == '_') {
                    int start = i++;
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                        i++;
                    }
                    String word = text.substring(start, i);
                    Kind tokenKind = c == '#' ? Kind.NAME : c == ':' ? Kind.VALUE : Kind.WORD;
                    if (word.length() == 1 && tokenKind != Kind.WORD) {
                        throw invalid(kind, "Syntax error; token: \"" + word + "\"", text);
                    }
                    found.add(new Token(tokenKind, word));
                } else if (Character.isDigit(c)) {
                    // Only list indexes have digits of their own (a[0]); they are tokens so nested paths are named.
                    int start = i++;
                    while (i < text.length() && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                    found.add(new Token(Kind.SYMBOL, text.substring(start, i)));
                } else if (text.startsWith("<>", i) || text.startsWith("<=", i) || text.startsWith(">=", i)) {
                    found.add(new Token(Kind.SYMBOL, text.substring(i, i + 2)));
                    i += 2;
                } else if ("=<>(),+-.[]".indexOf(c) >= 0) {
                    // + - . [ ] are tokens only so that the constructs they start can be refused by name.
                    found.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                    i++;
                } else {
                    throw invalid(kind, "Syntax error; token: \"" + c + "\"", text);
                }
            }
            found.add(new Token(Kind.END, ""));
            return found;
        }
    }

    private static boolean compares(JsonNode a, JsonNode b, IntPredicate test) {
        return AttributeValues.compare(a, b).map(test::test).orElse(false);
    }

    private static Set<String> reservedWords() {
        Set<String> words = new HashSet<>();
        try (InputStream in = Expressions.class.getResourceAsStream("reserved-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("reserved-words.txt is missing next to " + Expressions.class.getName());
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            lines.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(word -> words.add(word.toUpperCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read DynamoDB's reserved words", e);
        }
        return Set.copyOf(words);
    }
}
