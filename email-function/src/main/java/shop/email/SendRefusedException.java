package shop.email;

import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * SES refused a {@code SendEmail} request: nothing was sent, and a retry may succeed (throttling, a paused account, a
 * sender being verified). Carries SES's error code and HTTP status only: SES's own message can quote the recipient's
 * address ("Email address is not verified ... "), and the runtime writes a thrown failure, causes included, to the
 * invocation log.
 */
public final class SendRefusedException extends RuntimeException {

    SendRefusedException(SesV2Exception refusal) {
        super("SES refused SendEmail: " + codeOf(refusal) + " (HTTP " + refusal.statusCode()
                + "); SES's message is left out, as it can name the recipient");
    }

    private static String codeOf(SesV2Exception refusal) {
        return refusal.awsErrorDetails() == null || refusal.awsErrorDetails().errorCode() == null
                ? "no error code"
                : refusal.awsErrorDetails().errorCode();
    }
}
