package shop.checkout.fakes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import shop.checkout.publishing.Sleeper;

/** A Sleeper that returns at once and remembers each wait it was asked for. */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }

    /** The waits requested, in order. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
