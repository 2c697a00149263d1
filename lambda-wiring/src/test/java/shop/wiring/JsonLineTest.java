package shop.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Shaped like the order event's customer: every field of it is personal data. */
    private record Customer(String name, String email) {}

    private static final Customer HANA = new Customer("Hana Sato", "hana@example.com");

    private static Map<Object, Object> mapOf(Object key, Object value) {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    static Stream<Arguments> written() {
        return Stream.of(
                Arguments.of("text", "o-1", "\"o-1\""),
                Arguments.of("an int", 202, "202"),
                Arguments.of("a long", 4_250L, "4250"),
                Arguments.of("a double", 1.5, "1.5"),
                Arguments.of("a big decimal", new BigDecimal("42.50"), "42.50"),
                Arguments.of("a big integer", BigInteger.TEN, "10"),
                Arguments.of("a boolean", true, "true"),
                Arguments.of("an enum, by its name", TimeUnit.SECONDS, "\"SECONDS\""),
                Arguments.of("an instant", Instant.parse("2025-01-01T00:00:00Z"), "\"2025-01-01T00:00:00Z\""),
                Arguments.of(
                        "a UUID",
                        UUID.fromString("00000000-0000-4000-8000-000000000001"),
                        "\"00000000-0000-4000-8000-000000000001\""),
                Arguments.of("null", null, "null"),
                Arguments.of("a list", List.of("a", 1, false), "[\"a\",1,false]"),
                Arguments.of(
                        "a map with text and enum keys", Map.of(TimeUnit.DAYS, Map.of("k", 1)), "{\"DAYS\":{\"k\":1}}"),
                Arguments.of(
                        "an exception, by its class name alone",
                        new IllegalStateException("Hana Sato, 2-14-7 Kanda"),
                        "{\"type\":\"java.lang.IllegalStateException\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("written")
    void theTypesCallersLogAreWrittenInTheirJsonShape(String name, Object value, String expected) throws Exception {
        byte[] line = new JsonLine().field("value", value).end();

        JsonNode json = JSON.readTree(line);
        assertThat(json.path("value")).isEqualTo(JSON.readTree(expected));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a record", HANA, Customer.class.getName()),
                Arguments.of("a record inside a list", List.of("o-1", HANA), Customer.class.getName()),
                Arguments.of("a record as a map value", Map.of("customer", HANA), Customer.class.getName()),
                Arguments.of("a record as a map key", mapOf(HANA, 1), Customer.class.getName()),
                Arguments.of("an optional", Optional.of("hana@example.com"), Optional.class.getName()),
                Arguments.of("an array", new String[] {"hana@example.com"}, String[].class.getName()),
                Arguments.of("a plain object", new Object(), "java.lang.Object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void anyOtherTypeIsRefusedNamingTheTypeButNotTheValue(String name, Object value, String type) {
        assertThatThrownBy(() -> new JsonLine().field("value", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(type)
                .hasMessageNotContaining("hana@example.com")
                .hasMessageNotContaining("Hana Sato");
    }
}
