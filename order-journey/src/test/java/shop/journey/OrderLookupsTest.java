package shop.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.template.TableResource;

class OrderLookupsTest {

    static Stream<TableResource> tables() {
        return Samples.TEMPLATE.tables().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void everyTableSaysWhereItKeepsAnOrderByItsOwnKey(TableResource table) {
        OrderLookups.Lookup lookup = OrderLookups.of(table.logicalId())
                .orElseThrow(() -> new AssertionError(table.logicalId() + " has no entry in OrderLookups.ALL"));

        assertThat(lookup.key()).containsKey(table.hashKey());
        table.rangeKey()
                .ifPresentOrElse(
                        range -> assertThat(lookup.key().keySet()).isSubsetOf(table.hashKey(), range),
                        () -> assertThat(lookup.key().keySet()).containsExactly(table.hashKey()));
        assertThat(lookup.key().values()).anySatisfy(value -> assertThat(value).contains("{orderId}"));
    }

    @Test
    void noLookupShowsACustomersDetails() {
        List<String> personal = List.of("email", "name", "recipientName", "shippingAddress", "customer", "address");

        assertThat(OrderLookups.ALL).flatExtracting(OrderLookups.Lookup::shown).doesNotContainAnyElementsOf(personal);
    }

    @Test
    void everyLookupIsOfATableOfTheTemplate() {
        assertThat(OrderLookups.ALL)
                .extracting(OrderLookups.Lookup::table)
                .containsExactlyInAnyOrderElementsOf(
                        tables().map(TableResource::logicalId).toList());
    }
}
