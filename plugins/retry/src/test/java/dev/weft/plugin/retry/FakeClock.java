package dev.weft.plugin.retry;

import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import java.time.Duration;

/** A clock whose reading a test sets; the retry plugin only reads it. */
final class FakeClock implements Clock {

    long nanos;

    void advance(Duration by) {
        nanos += by.toNanos();
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        throw new UnsupportedOperationException("retry schedules through Failure.retryAfter, not the clock");
    }
}
