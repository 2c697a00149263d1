package shop.checkout.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderIdsTest {

    // The pattern the OrderCreated schema puts on orderId.
    private static final String SCHEMA_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private static final IdempotencyKey.Lookup KEY = new IdempotencyKey.Present(new IdempotencyKey("retry-me-1"));
    private static final UUID FRESH = UUID.fromString("0c7e5a2f-93d4-4b1e-8f6a-1d2c3b4a5e6f");

    private final OrderIds orderIds = new OrderIds(() -> FRESH);

    @Test
    void sameKeyFromTheSameCustomerGivesTheSameId() {
        String first = orderIds.orderIdFor("cust-4711", KEY);
        String second = new OrderIds(UUID::randomUUID).orderIdFor("cust-4711", KEY);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void sameKeyFromAnotherCustomerGivesAnotherId() {
        String ines = orderIds.orderIdFor("cust-4711", KEY);
        String jonas = orderIds.orderIdFor("cust-0815", KEY);

        assertThat(jonas).isNotEqualTo(ines);
    }

    @Test
    void anotherKeyFromTheSameCustomerGivesAnotherId() {
        String first = orderIds.orderIdFor("cust-4711", KEY);
        String second = orderIds.orderIdFor("cust-4711", new IdempotencyKey.Present(new IdempotencyKey("retry-me-2")));

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void customerAndKeyCannotBeShuffledIntoTheSameId() {
        String split = orderIds.orderIdFor("cust-47", new IdempotencyKey.Present(new IdempotencyKey("11-key")));
        String joined = orderIds.orderIdFor("cust-4711", new IdempotencyKey.Present(new IdempotencyKey("-key")));

        assertThat(split).isNotEqualTo(joined);
    }

    @Test
    void withoutAKeyTheIdIsFresh() {
        String id = orderIds.orderIdFor("cust-4711", new IdempotencyKey.Absent());

        assertThat(id).isEqualTo(FRESH.toString());
    }

    @Test
    void aMalformedKeyIsNeverUsedForTheId() {
        String id = orderIds.orderIdFor("cust-4711", new IdempotencyKey.Malformed("bad"));

        assertThat(id).isEqualTo(FRESH.toString());
    }

    @Test
    void keyedIdsAreVersion5UuidsInTheSchemasFormat() {
        UUID id = UUID.fromString(orderIds.orderIdFor("cust-4711", KEY));

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).matches(SCHEMA_PATTERN);
    }

    @Test
    void keyedIdsNeverChange() {
        // Pinned: if this moves, every client retrying across the release would place a second order. The value was
        // cross-checked with Python's uuid.uuid5(NAMESPACE, int32(len(customerId)) + customerId + key).
        String id = orderIds.orderIdFor("cust-4711", KEY);

        assertThat(id).isEqualTo("899d5611-fbf2-5540-804f-46f873b5c8fd");
    }
}
