package shop.choreography.compatibility;

/**
 * One incompatible change found between two schema versions.
 *
 * @param path the field, as {@code customer.email} or {@code items[].sku}; {@code (root)} for the event itself
 * @param detail what changed, in words, with the values before and after
 */
public record BreakingChange(ChangeKind kind, String path, String detail) {

    /** {@code "field renamed at customer.email: ..."}. */
    public String describe() {
        return kind.words() + " at " + path + ": " + detail;
    }
}
