package dev.weft.core.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One attempt of a call. Its outcome is set exactly once, by whoever gets there first: the
 * worker that ran it, a plugin ending its scope (a timeout), or a cancellation. The winner posts
 * the outcome to the loop; the losers change nothing.
 */
final class Attempt implements Runnable {

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int ENDED = 2;

    final Call call;
    final int number;
    private final AtomicInteger phase = new AtomicInteger(QUEUED);
    private volatile Thread thread;

    Attempt(Call call, int number) {
        this.call = call;
        this.number = number;
    }

    @Override
    public void run() {
        if (!phase.compareAndSet(QUEUED, RUNNING)) {
            return; // cancelled or failed while queued
        }
        thread = Thread.currentThread();
        call.attemptStarted(this);
        Outcome outcome;
        ChainInvocation chain = new ChainInvocation(this);
        try {
            outcome = new Outcome.Success(chain.invoke(0));
        } catch (Throwable error) {
            outcome = new Outcome.Failed(error, chain.originOf(error));
        } finally {
            thread = null;
        }
        complete(outcome);
        // The interrupt was meant for this attempt, not for whatever the pool thread runs next.
        Thread.interrupted();
    }

    /**
     * Ends the attempt with an outcome, if it has not ended yet.
     *
     * @return whether this call ended it
     */
    boolean complete(Outcome outcome) {
        int before;
        do {
            before = phase.get();
            if (before == ENDED) {
                return false;
            }
        } while (!phase.compareAndSet(before, ENDED));
        call.attemptEnded(this, before == RUNNING, outcome);
        return true;
    }

    /** Ends the attempt from outside (timeout, cancel), interrupting its thread if asked. */
    boolean abandon(Outcome outcome, boolean interrupt) {
        Thread running = thread;
        if (!complete(outcome)) {
            return false;
        }
        if (interrupt && running != null) {
            running.interrupt();
        }
        return true;
    }

    boolean isActive() {
        return phase.get() != ENDED;
    }
}
