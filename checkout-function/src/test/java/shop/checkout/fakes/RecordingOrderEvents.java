package shop.checkout.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import shop.checkout.publishing.OrderEvents;
import shop.checkout.publishing.Publication;
import shop.events.OrderCreated;

/** An OrderEvents that records what it was asked to publish and answers as the test says. */
public final class RecordingOrderEvents implements OrderEvents {

    private final Function<OrderCreated, Publication> answer;
    private final List<OrderCreated> published = new ArrayList<>();

    public RecordingOrderEvents(Function<OrderCreated, Publication> answer) {
        this.answer = answer;
    }

    /** Accepts everything on the first attempt, naming each event after its order. */
    public static RecordingOrderEvents accepting() {
        return new RecordingOrderEvents(order -> new Publication.Accepted("event-" + order.orderId(), 1));
    }

    @Override
    public Publication publish(OrderCreated order) {
        published.add(order);
        return answer.apply(order);
    }

    /** Every order handed over, in order. */
    public List<OrderCreated> published() {
        return List.copyOf(published);
    }
}
