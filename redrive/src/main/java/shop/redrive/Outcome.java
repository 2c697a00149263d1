package shop.redrive;

import java.util.Objects;

/**
 * What the redrive did with one message, and the line it prints for it: ids, kind and error texts only.
 *
 * @param messageId the SQS message id
 * @param letter the message as read
 * @param result what happened to it
 * @param leftBecause why it stayed in the queue, when {@code result} is {@link Result#LEFT}; else null
 * @param detail the failure behind {@code leftBecause}, printable; else null
 */
public record Outcome(String messageId, DeadLetter letter, Result result, LeftBecause leftBecause, String detail) {

    /** The fate of one message. */
    public enum Result {
        /** Lambda accepted the event (202) and the message was deleted. */
        REDRIVEN,
        /** Dry run: the event would have been redriven; the message stays. */
        LISTED,
        /** Recognised, but not redriven or not deleted; the message stays, see {@link LeftBecause}. */
        LEFT,
        /** Neither known shape; the message stays, untouched. */
        UNRECOGNISED
    }

    /** Why a recognised message stayed in the queue. */
    public enum LeftBecause {
        INVOKE_FAILED("invoke failed"),
        DELETE_FAILED("redriven but not deleted"),
        OTHER_FUNCTION("dead letter of another function");

        private final String label;

        LeftBecause(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Outcome {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(letter, "letter");
        Objects.requireNonNull(result, "result");
        if ((result == Result.LEFT) != (leftBecause != null)) {
            throw new IllegalArgumentException("leftBecause is given exactly for LEFT outcomes, not for " + result);
        }
    }

    /** One line for the operator. */
    public String line() {
        String message = "message " + ErrorText.of(messageId);
        if (result == Result.UNRECOGNISED) {
            return String.format("%-14s %s: %s", "unrecognised", message, letter.reason());
        }
        String what = String.format(
                "%-17s %s  event %s  order %s",
                letter.kind().label(),
                message,
                letter.eventId(),
                letter.orderId() == null ? "(none)" : letter.orderId());
        return switch (result) {
            case REDRIVEN -> String.format("%-14s %s  was: %s", "redriven", what, letter.reason());
            case LISTED -> String.format("%-14s %s  error: %s", "would redrive", what, letter.reason());
            case LEFT ->
                String.format(
                        "%-14s %s  %s: %s  (error: %s)", "left", what, leftBecause.label(), detail, letter.reason());
            case UNRECOGNISED -> throw new IllegalStateException("handled above");
        };
    }
}
