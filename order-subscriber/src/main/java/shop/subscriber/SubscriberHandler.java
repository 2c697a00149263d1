package shop.subscriber;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The base of every subscriber's Lambda entry point: the subclass only chooses how its {@link DeliveryHandler} is built
 * (from the environment, or over the test's own stores); Lambda's call reaches the skeleton here.
 */
public abstract class SubscriberHandler implements RequestStreamHandler {

    private final DeliveryHandler deliveries;

    protected SubscriberHandler(DeliveryHandler deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) {
        deliveries.handle(input, context);
    }
}
