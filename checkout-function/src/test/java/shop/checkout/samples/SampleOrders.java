package shop.checkout.samples;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Instant;
import shop.checkout.validation.OrderRequestValidator;
import shop.checkout.validation.Validation;
import shop.events.OrderCreated;

/** OrderCreated details made from the sample requests, as checkout would make them. */
public final class SampleOrders {

    public static final String ORDER_ID = "3d6f1c2a-8b4e-4f7a-9c1d-2e5b8a7f6c40";
    public static final Instant CREATED_AT = Instant.parse("2025-03-12T10:15:30.250Z");

    private SampleOrders() {}

    /** The order of the rewards-signup sample, with the sample's request id as its correlation id. */
    public static OrderCreated rewardsSignup() {
        APIGatewayV2HTTPEvent request = SampleRequests.load(SampleRequests.REWARDS_SIGNUP);
        Validation validation = new OrderRequestValidator().validate(SampleRequests.body(request));
        return ((Validation.Valid) validation)
                .draft()
                .toEvent(ORDER_ID, CREATED_AT, request.getRequestContext().getRequestId());
    }
}
