package shop.choreography.compatibility;

/**
 * A change between two versions of an event schema that a new minor version must not make.
 *
 * <p>Two readers depend on a minor being compatible: consumers built against the older minor (they rely on what it
 * guaranteed) and events of the older minor still in flight, in dead-letter queues or in the bus archive (they must
 * still be valid events of the newer minor). Each kind breaks one of the two.
 */
public enum ChangeKind {
    REQUIRED_FIELD_REMOVED("required field removed"),
    FIELD_RENAMED("field renamed"),
    OPTIONAL_FIELD_REMOVED("optional field removed"),
    TYPE_CHANGED("type changed"),
    ENUM_NARROWED("enum narrowed"),
    FIELD_MADE_REQUIRED("field made required"),
    REQUIRED_FIELD_ADDED("required field added"),
    FIELD_MADE_OPTIONAL("field made optional"),
    CONSTRAINT_TIGHTENED("constraint tightened"),
    UNSUPPORTED_KEYWORD("keyword the comparator cannot judge");

    private final String words;

    ChangeKind(String words) {
        this.words = words;
    }

    /** How the change reads in a build failure. */
    public String words() {
        return words;
    }
}
