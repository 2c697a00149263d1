package shop.subscriber;

/**
 * What one delivery of an order did to a subscriber's state; domain enums implement it, so {@code name()} is free, and
 * an outcome named {@code ALREADY_...} is a duplicate unless the enum says otherwise.
 */
public interface Effect {

    /** The name logged as the outcome, e.g. {@code RECORDED}. */
    String name();

    /** Whether this delivery repeated one already handled (nothing new was written). */
    default boolean duplicate() {
        return name().startsWith("ALREADY_");
    }
}
