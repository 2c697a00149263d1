package shop.checkout.ordering;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Chooses an order's id. With an idempotency key the id is a name-based (version 5) UUID of customer id and key, so a
 * retried request gets the same id without any storage; without one it is random.
 *
 * <p>What this does not do, for want of storage: notice that a key was reused with a different body (both requests get
 * the same id and both events are published), or stop the retry from being published again. Consumers therefore dedupe
 * by {@code orderId}, which every one of them does with a conditional write. Thread-safe.
 */
public final class OrderIds {

    // Fixed forever: changing it would give every retried request a new id. Generated once for this shop.
    static final UUID NAMESPACE = UUID.fromString("5b0f3d52-6a8e-4c1f-9d27-3e8a4b61c0d9");

    private final Supplier<UUID> random;

    /** @param random fresh ids for requests without a key; {@code UUID::randomUUID} in production */
    public OrderIds(Supplier<UUID> random) {
        this.random = random;
    }

    /** The id for an order by {@code customerId}, keyed or not; always lower-case hex as the schema requires. */
    public String orderIdFor(String customerId, IdempotencyKey.Lookup key) {
        UUID id = key instanceof IdempotencyKey.Present present
                ? nameBased(customerId, present.key().value())
                : random.get();
        return id.toString();
    }

    /**
     * RFC 9562 version 5: SHA-1 over namespace and name. The name length-prefixes the customer id so that ("ab", "c")
     * and ("a", "bc") cannot collide.
     */
    static UUID nameBased(String customerId, String key) {
        byte[] customer = customerId.getBytes(StandardCharsets.UTF_8);
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        ByteBuffer name = ByteBuffer.allocate(16 + 4 + customer.length + keyBytes.length)
                .putLong(NAMESPACE.getMostSignificantBits())
                .putLong(NAMESPACE.getLeastSignificantBits())
                .putInt(customer.length)
                .put(customer)
                .put(keyBytes);
        byte[] hash = sha1(name.array());
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
    }

    private static byte[] sha1(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(input);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1; without it nothing here can work.
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
