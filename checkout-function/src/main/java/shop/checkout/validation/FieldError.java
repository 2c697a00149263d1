package shop.checkout.validation;

/**
 * One reason a checkout request was refused: the field as a JSON path ({@code $.items[0].quantity}) and what is wrong.
 *
 * <p>Messages never repeat the submitted value, so they can be logged and returned without carrying personal data.
 */
public record FieldError(String field, String message) {}
