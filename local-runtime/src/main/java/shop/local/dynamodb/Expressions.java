package shop.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import shop.local.aws.ServiceError;
import shop.local.json.Json;

/**
 * The expressions of one request, parsed against its {@code ExpressionAttributeNames} and
 * {@code ExpressionAttributeValues}: condition, update and projection expressions on top-level attributes.
 *
 * <p>Emulated: comparisons ({@code = <> < <= > >=}), {@code BETWEEN}, {@code IN}, {@code AND OR NOT}, parentheses,
 * {@code attribute_exists}, {@code attribute_not_exists}, {@code attribute_type}, {@code begins_with},
 * {@code contains}, {@code size}; {@code SET} (with {@code + -}, {@code if_not_exists}, {@code list_append}),
 * {@code ADD} and {@code REMOVE}. Refused with a ValidationException naming the expression: nested document paths,
 * {@code DELETE}, and anything else. Like DynamoDB, a name or value placeholder that is undefined, or defined and
 * unused, is refused. Not emulated: the reserved-word check on bare attribute names.
 */
final class Expressions {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, JsonNode> values = new HashMap<>();
    private final Set<String> usedNames = new LinkedHashSet<>();
    private final Set<String> usedValues = new LinkedHashSet<>();

    Expressions(JsonNode attributeNames, JsonNode attributeValues) {
        attributeNames.properties().forEach(field -> names.put(field.getKey(), field.getValue().asText()));
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

    /** The attribute names of a projection expression, or empty for all attributes. */
    Optional<List<String>> projection(JsonNode expression) {
        if (expression == null || expression.isNull()) {
            return Optional.empty();
        }
        Parser parser = new Parser("ProjectionExpression", expression.asText());
        List<String> attributes = new ArrayList<>();
        do {
            attributes.add(parser.path());
        } while (parser.accept(","));
        parser.expectEnd();
        return Optional.of(attributes);
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
        private final Map<String, JsonNode> adds = new LinkedHashMap<>();
        private final Set<String> removes = new LinkedHashSet<>();
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
                    throw invalid("UpdateExpression", "The provided expression refers to an attribute that does not exist in the item", expression);
                }
                updated.set(name, value);
            });
            adds.forEach((name, value) -> updated.set(name, add(item.get(name), value)));
            removes.forEach(updated::remove);
            return updated;
        }

        private JsonNode add(JsonNode current, JsonNode value) {
            String type = AttributeValues.type(value);
            if (current == null) {
                return value;
            }
            if (!AttributeValues.type(current).equals(type)) {
                throw invalid("UpdateExpression", "Incorrect operand type for operator or function; operator: ADD, operand type: "
                        + AttributeValues.type(current), expression);
            }
            if ("N".equals(type)) {
                return AttributeValues.number(new BigDecimal(current.get("N").asText()).add(new BigDecimal(value.get("N").asText())));
            }
            return AttributeValues.union(current, value);
        }

        private void claim(String name) {
            if (attributes().contains(name)) {
                throw invalid("UpdateExpression", "Two document paths overlap with each other; must remove or rewrite one of "
                        + "these paths; path one: [" + name + "], path two: [" + name + "]", expression);
            }
        }
    }

    /** Something that has a value for an item: an attribute, a placeholder, or a function of those. */
    private interface Operand {
        /** The value, or null when an attribute it reads is absent. */
        JsonNode value(ObjectNode item);
    }

    private static ServiceError invalid(String kind, String problem, String expression) {
        return ServiceError.validation("Invalid " + kind + ": " + problem + "; expression: " + expression);
    }

    private enum Kind { NAME, VALUE, WORD, SYMBOL, END }

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
            Condition left = negation();
            while (acceptWord("AND")) {
                Condition l = left;
                Condition r = negation();
                left = item -> l.test(item) && r.test(item);
            }
            return left;
        }

        private Condition negation() {
            if (acceptWord("NOT")) {
                Condition inner = negation();
                return item -> !inner.test(item);
            }
            return primary();
        }

        private Condition primary() {
            if (accept("(")) {
                Condition inner = condition();
                expect(")");
                return inner;
            }
            Token token = peek();
            if (token.kind() == Kind.WORD && peekAt(1).is("(")) {
                String function = token.text().toLowerCase(Locale.ROOT);
                switch (function) {
                    case "attribute_exists", "attribute_not_exists" -> {
                        next++;
                        expect("(");
                        String name = path();
                        expect(")");
                        boolean exists = "attribute_exists".equals(function);
                        return item -> item.has(name) == exists;
                    }
                    case "attribute_type" -> {
                        next++;
                        expect("(");
                        String name = path();
                        expect(",");
                        JsonNode type = placeholder();
                        expect(")");
                        return item -> item.has(name) && AttributeValues.type(item.get(name)).equals(type.path("S").asText());
                    }
                    case "begins_with" -> {
                        next++;
                        expect("(");
                        Operand subject = operand();
                        expect(",");
                        Operand prefix = operand();
                        expect(")");
                        return item -> beginsWith(subject.value(item), prefix.value(item));
                    }
                    case "contains" -> {
                        next++;
                        expect("(");
                        Operand subject = operand();
                        expect(",");
                        Operand member = operand();
                        expect(")");
                        return item -> contains(subject.value(item), member.value(item));
                    }
                    case "size" -> { } // an operand, compared below
                    default -> throw invalid(kind, "Invalid function name; function: " + token.text(), expression);
                }
            }
            Operand left = operand();
            if (acceptWord("BETWEEN")) {
                Operand low = operand();
                expectWord("AND");
                Operand high = operand();
                return item -> {
                    JsonNode value = left.value(item);
                    return compares(value, low.value(item), c -> c >= 0) && compares(value, high.value(item), c -> c <= 0);
                };
            }
            if (acceptWord("IN")) {
                expect("(");
                List<Operand> candidates = new ArrayList<>();
                do {
                    candidates.add(operand());
                } while (accept(","));
                expect(")");
                return item -> candidates.stream().anyMatch(c -> AttributeValues.equal(left.value(item), c.value(item)));
            }
            Token comparator = peek();
            if (comparator.kind() != Kind.SYMBOL || !List.of("=", "<>", "<", "<=", ">", ">=").contains(comparator.text())) {
                throw syntax(comparator);
            }
            next++;
            Operand right = operand();
            return switch (comparator.text()) {
                case "=" -> item -> AttributeValues.equal(left.value(item), right.value(item));
                // A missing attribute is not equal to any value.
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
            if (token.kind() == Kind.WORD && token.is("size") && peekAt(1).is("(")) {
                next += 2;
                String name = path();
                expect(")");
                return item -> item.has(name)
                        ? AttributeValues.size(item.get(name)).map(n -> (JsonNode) AttributeValues.number(BigDecimal.valueOf(n))).orElse(null)
                        : null;
            }
            String name = path();
            return item -> item.get(name);
        }

        Update update() {
            Update update = new Update(expression);
            boolean any = false;
            while (peek().kind() != Kind.END) {
                Token clause = peek();
                next++;
                if (clause.is("SET")) {
                    do {
                        String name = path();
                        expect("=");
                        update.claim(name);
                        update.sets.put(name, setValue());
                    } while (accept(","));
                } else if (clause.is("ADD")) {
                    do {
                        String name = path();
                        JsonNode value = placeholder();
                        String type = AttributeValues.type(value);
                        if (!List.of("N", "SS", "NS", "BS").contains(type)) {
                            throw invalid(kind, "Incorrect operand type for operator or function; operator: ADD, operand type: " + type, expression);
                        }
                        update.claim(name);
                        update.adds.put(name, value);
                    } while (accept(","));
                } else if (clause.is("REMOVE")) {
                    do {
                        String name = path();
                        update.claim(name);
                        update.removes.add(name);
                    } while (accept(","));
                } else if (clause.is("DELETE")) {
                    throw invalid(kind, "DELETE (removing members from a set) is not emulated by the local stand-in", expression);
                } else {
                    throw syntax(clause);
                }
                any = true;
            }
            if (!any) {
                throw invalid(kind, "The expression can not be empty", expression);
            }
            return update;
        }

        private Operand setValue() {
            Operand left = setOperand();
            if (peek().is("+") || peek().is("-")) {
                boolean plus = peek().is("+");
                next++;
                Operand right = setOperand();
                return item -> {
                    JsonNode a = left.value(item);
                    JsonNode b = right.value(item);
                    if (a == null || b == null) {
                        return null;
                    }
                    if (!"N".equals(AttributeValues.type(a)) || !"N".equals(AttributeValues.type(b))) {
                        throw invalid(kind, "Incorrect operand type for operator or function; operator or function: "
                                + (plus ? "+" : "-") + ", operand type: " + AttributeValues.type("N".equals(AttributeValues.type(a)) ? b : a), expression);
                    }
                    BigDecimal x = new BigDecimal(a.get("N").asText());
                    BigDecimal y = new BigDecimal(b.get("N").asText());
                    return AttributeValues.number(plus ? x.add(y) : x.subtract(y));
                };
            }
            return left;
        }

        private Operand setOperand() {
            Token token = peek();
            if (token.kind() == Kind.WORD && peekAt(1).is("(")) {
                String function = token.text().toLowerCase(Locale.ROOT);
                next += 2;
                if ("if_not_exists".equals(function)) {
                    String name = path();
                    expect(",");
                    Operand fallback = setOperand();
                    expect(")");
                    return item -> item.has(name) ? item.get(name) : fallback.value(item);
                }
                if ("list_append".equals(function)) {
                    Operand first = setOperand();
                    expect(",");
                    Operand second = setOperand();
                    expect(")");
                    return item -> listAppend(first.value(item), second.value(item));
                }
                throw invalid(kind, "Invalid function name; function: " + token.text(), expression);
            }
            return operand();
        }

        private JsonNode listAppend(JsonNode first, JsonNode second) {
            if (first == null || second == null) {
                return null;
            }
            if (!"L".equals(AttributeValues.type(first)) || !"L".equals(AttributeValues.type(second))) {
                throw invalid(kind, "Incorrect operand type for operator or function; operator or function: list_append", expression);
            }
            ArrayNode list = ((ArrayNode) first.get("L")).deepCopy();
            list.addAll((ArrayNode) second.get("L"));
            ObjectNode result = Json.object();
            result.set("L", list);
            return result;
        }

        String path() {
            Token token = peek();
            String name;
            if (token.kind() == Kind.NAME) {
                name = names.get(token.text());
                if (name == null) {
                    throw invalid(kind, "An expression attribute name used in the document path is not defined; attribute name: "
                            + token.text(), expression);
                }
                usedNames.add(token.text());
            } else if (token.kind() == Kind.WORD) {
                name = token.text();
            } else {
                throw syntax(token);
            }
            next++;
            if (peek().is(".") || peek().is("[")) {
                throw invalid(kind, "nested document paths (" + token.text() + peek().text()
                        + "...) are not emulated by the local stand-in; use top-level attributes", expression);
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
                throw invalid(kind, "An expression attribute value used in expression is not defined; attribute value: "
                        + token.text(), expression);
            }
            usedValues.add(token.text());
            next++;
            return value;
        }

        boolean accept(String symbol) {
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

        private void expectWord(String word) {
            if (!acceptWord(word)) {
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
                } else if (text.startsWith("<>", i) || text.startsWith("<=", i) || text.startsWith(">=", i)) {
                    found.add(new Token(Kind.SYMBOL, text.substring(i, i + 2)));
                    i += 2;
                } else if ("=<>(),+-.[]".indexOf(c) >= 0) {
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

    private static boolean compares(JsonNode a, JsonNode b, java.util.function.IntPredicate test) {
        return AttributeValues.compare(a, b).map(test::test).orElse(false);
    }

    private static boolean beginsWith(JsonNode value, JsonNode prefix) {
        if (value == null || prefix == null || !AttributeValues.type(value).equals(AttributeValues.type(prefix))) {
            return false;
        }
        String type = AttributeValues.type(value);
        if ("B".equals(type)) {
            byte[] bytes = Base64.getDecoder().decode(value.get("B").asText());
            byte[] start = Base64.getDecoder().decode(prefix.get("B").asText());
            return bytes.length >= start.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
        }
        return "S".equals(type) && value.get("S").asText().startsWith(prefix.get("S").asText());
    }

    private static boolean contains(JsonNode value, JsonNode member) {
        if (value == null || member == null) {
            return false;
        }
        String type = AttributeValues.type(value);
        return switch (type) {
            case "S" -> "S".equals(AttributeValues.type(member)) && value.get("S").asText().contains(member.get("S").asText());
            case "SS", "NS", "BS" -> {
                String memberType = type.substring(0, 1);
                boolean found = false;
                for (JsonNode candidate : value.get(type)) {
                    found |= AttributeValues.equal(Json.object().set(memberType, candidate), member);
                }
                yield found;
            }
            case "L" -> {
                boolean found = false;
                for (JsonNode candidate : value.get("L")) {
                    found |= AttributeValues.equal(candidate, member);
                }
                yield found;
            }
            default -> false;
        };
    }
}
