package dev.weft.core.engine;

import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real time, with one shared daemon timer thread for every timer of every scheduler: a call's
 * timeout or a retry's back-off costs a queue entry, never a thread.
 *
 * <p>An action that throws is reported, not kept in a future nobody reads as the executor would:
 * plugins' actions reach here wrapped by {@link PluginClock}, which makes them plugin errors, so
 * what is left is weft's own, and logged as a weft bug.
 */
public final class SystemClock implements Clock {

    private static final Logger LOG = LoggerFactory.getLogger(SystemClock.class);

    /** The one instance. */
    public static final SystemClock INSTANCE =
            new SystemClock(e -> LOG.error("weft bug: a timer action threw; it was not retried", e));

    private final ScheduledThreadPoolExecutor timer;
    private final Consumer<Throwable> failures;

    /** @param failures told of every exception a timer action throws, on the timer thread */
    SystemClock(Consumer<Throwable> failures) {
        this.failures = failures;
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "weft-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(action, "action");
        Runnable reported = () -> {
            try {
                action.run();
            } catch (Throwable e) {
                failures.accept(e);
            }
        };
        ScheduledFuture<?> f = timer.schedule(reported, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public String toString() {
        return "system clock";
    }
}
