package shop.email;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * An SES v2 client that keeps every SendEmail request and accepts it with a numbered message id, or refuses it with
 * {@link #refusal} when a test sets one.
 */
final class FakeSes implements SesV2Client {

    final List<SendEmailRequest> sent = new ArrayList<>();
    SesV2Exception refusal;

    @Override
    public SendEmailResponse sendEmail(SendEmailRequest request) {
        if (refusal != null) {
            throw refusal;
        }
        sent.add(request);
        return SendEmailResponse.builder()
                .messageId("ses-message-" + sent.size())
                .build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}
}
