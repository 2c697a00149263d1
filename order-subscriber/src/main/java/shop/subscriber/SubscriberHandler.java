package shop.subscriber;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The base of every subscriber's Lambda entry point: the subclass hands in the {@link DeliveryHandler} its
 * {@link Subscriber} started from the environment; Lambda's call reaches the skeleton here. Tests skip the subclass and
 * use {@link Subscriber#over} with their own stores.
 */
public abstract class SubscriberHandler implements RequestStreamHandler {

    private final DeliveryHandler deliveries;

    protected SubscriberHandler(DeliveryHandler deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) {
        deliveries.handleRequest(input, output, context);
    }
}
