package dev.weft.plugin.timeout;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The timeout's state for one call scope: whether its timer was set, and whether it fired.
 * Touched by the worker that runs the scope and by the clock's timer thread.
 */
final class ScopeDeadline {

    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile boolean expired;

    /** @return true the first time only: the caller sets the scope's one timer */
    boolean arm() {
        return armed.compareAndSet(false, true);
    }

    void expired(boolean value) {
        expired = value;
    }

    /** @return whether the limit hit and the scope was failed for it */
    boolean expired() {
        return expired;
    }
}
