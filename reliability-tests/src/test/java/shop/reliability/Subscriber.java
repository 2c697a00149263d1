package shop.reliability;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

    static final Instant NOW = Instant.parse("2025-11-03T09:15:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

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
                EmailHandler.SUBSCRIBER.over(new Confirmations(new InMemoryConfirmations(), mailer, CLOCK)::confirm),
                mailer::sentFor,
                null);
    });
    static final Deployment WAREHOUSE = new Deployment("warehouse", () -> {
        InMemoryShipments shipments = new InMemoryShipments();
        return new Subscriber(
                "warehouse",
                WarehouseHandler.SUBSCRIBER.over(new ShipmentRequests(shipments, CLOCK)::record),
                shipments::recordedFor,
                null);
    });
    static final Deployment REWARDS = new Deployment("rewards", () -> {
        InMemoryRewards ledger = new InMemoryRewards();
        return new Subscriber(
                "rewards",
                RewardsHandler.SUBSCRIBER.over(new Rewards(ledger, CLOCK)::credit),
                ledger::creditedFor,
                ledger);
    });
    static final Deployment ANALYTICS = new Deployment("analytics", () -> {
        InMemorySales sales = new InMemorySales();
        return new Subscriber(
                "analytics",
                AnalyticsHandler.SUBSCRIBER.over(new SalesTally(sales, CLOCK)::record),
                sales::recordedFor,
                null);
    });

    /** Every subscriber of the bus. */
    static final List<Deployment> ALL = List.of(EMAIL, WAREHOUSE, REWARDS, ANALYTICS);
}
