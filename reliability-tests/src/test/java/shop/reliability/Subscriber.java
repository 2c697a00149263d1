package shop.reliability;

import static shop.testkit.SampleEvent.HANDLING_CLOCK;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import shop.analytics.AnalyticsHandler;
import shop.analytics.SalesTally;
import shop.email.Confirmations;
import shop.email.EmailHandler;
import shop.reliability.fakes.CountingMailer;
import shop.reliability.fakes.InMemoryConfirmations;
import shop.reliability.fakes.InMemoryRewards;
import shop.reliability.fakes.InMemorySales;
import shop.reliability.fakes.InMemoryShipments;
import shop.rewards.Rewards;
import shop.rewards.RewardsHandler;
import shop.warehouse.ShipmentRequests;
import shop.warehouse.WarehouseHandler;

/**
 * One OrderCreated subscriber, deployed fresh over in-memory fakes that keep DynamoDB's conditional-write semantics
 * under concurrency, with a count of its side effect per order: emails sent, shipments recorded, points credited, sales
 * added. Exactly-once means that count is 1 however often the order arrives.
 */
record Subscriber(
        String function, RequestStreamHandler handler, ToIntFunction<String> effects, InMemoryRewards rewards) {

    /** How to deploy one subscriber afresh; named for test tables. */
    record Deployment(String function, Supplier<Subscriber> deploy) {
        @Override
        public String toString() {
            return function;
        }
    }

    static final Deployment EMAIL = new Deployment("email", () -> {
        CountingMailer mailer = new CountingMailer();
        return new Subscriber(
                "email",
                EmailHandler.SUBSCRIBER.over(
                        new Confirmations(new InMemoryConfirmations(), mailer, HANDLING_CLOCK)::confirm),
                mailer::sentFor,
                null);
    });
    static final Deployment WAREHOUSE = new Deployment("warehouse", () -> {
        InMemoryShipments shipments = new InMemoryShipments();
        return new Subscriber(
                "warehouse",
                WarehouseHandler.SUBSCRIBER.over(new ShipmentRequests(shipments, HANDLING_CLOCK)::record),
                shipments::recordedFor,
                null);
    });
    static final Deployment REWARDS = new Deployment("rewards", () -> {
        InMemoryRewards ledger = new InMemoryRewards();
        return new Subscriber(
                "rewards",
                RewardsHandler.SUBSCRIBER.over(new Rewards(ledger, HANDLING_CLOCK)::credit),
                ledger::creditedFor,
                ledger);
    });
    static final Deployment ANALYTICS = new Deployment("analytics", () -> {
        InMemorySales sales = new InMemorySales();
        return new Subscriber(
                "analytics",
                AnalyticsHandler.SUBSCRIBER.over(new SalesTally(sales, HANDLING_CLOCK)::record),
                sales::recordedFor,
                null);
    });

    /** Every subscriber of the bus. */
    static final List<Deployment> ALL = List.of(EMAIL, WAREHOUSE, REWARDS, ANALYTICS);
}
