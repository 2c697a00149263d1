package shop.emulator;

import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Gives moto the per-request atomicity DynamoDB guarantees, by letting one HTTP request of this JVM's SDK clients reach
 * it at a time.
 *
 * <p>Why: {@code moto_server} serves requests on parallel threads with no lock between a conditional write's check and
 * its write (it parses the condition expression in between), and {@code TransactWriteItems} snapshots whole tables and
 * restores them on cancel. Concurrent conditional writes to one key then both succeed now and then, which DynamoDB
 * never allows. Handler invocations still run concurrently and interleave between their requests, which is the
 * concurrency the idempotency tests are about. Loaded for every SDK client from the global interceptor list; active
 * only when {@link #enableFor(Emulator)} is given moto. Thread-safe.
 */
public final class OneRequestAtATime implements ExecutionInterceptor {

    private static final ReentrantLock IN_FLIGHT = new ReentrantLock(true);
    private static volatile boolean enabled;

    /** Serialises requests when {@code emulator} needs it (moto); leaves LocalStack's own concurrency alone. */
    public static void enableFor(Emulator emulator) {
        enabled = emulator == Emulator.MOTO;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        // A failed attempt may have left the lock with this thread; a retry must not take it twice.
        if (enabled && !IN_FLIGHT.isHeldByCurrentThread()) {
            IN_FLIGHT.lock();
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        release();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release();
    }

    private static void release() {
        if (IN_FLIGHT.isHeldByCurrentThread()) {
            IN_FLIGHT.unlock();
        }
    }
}
