package shop.checkout.publishing;

import java.time.Duration;

/** Waits between publishing attempts; injected so tests can record the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    /** The real one, blocking the calling thread. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
