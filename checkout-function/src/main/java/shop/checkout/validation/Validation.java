package shop.checkout.validation;

import java.util.List;

/** The verdict on a checkout request: a draft order, or every field error found. */
public sealed interface Validation {

    /** The request is acceptable. */
    record Valid(OrderDraft draft) implements Validation {}

    /** The request is not acceptable; {@code errors} lists all problems, not just the first. */
    record Invalid(List<FieldError> errors) implements Validation {
        public Invalid {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("An invalid request needs at least one field error");
            }
            errors = List.copyOf(errors);
        }
    }
}
