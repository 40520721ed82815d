package dev.weft.core.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One attempt of a call. Its outcome is set exactly once, by whoever gets there first: the
 * worker that ran it, a plugin ending its scope (a timeout), or a cancellation. The winner posts
 * the outcome to the loop; the losers change nothing.
 */
final class Attempt implements Runnable {

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int ENDED = 2;

    // A field with a VarHandle rather than an AtomicInteger: one object less for every attempt.
    private static final VarHandle PHASE;

    static {
        try {
            PHASE = MethodHandles.lookup().findVarHandle(Attempt.class, "phase", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Call call;
    final int number;
    private volatile int phase; // starts QUEUED (0) without a volatile write in the constructor
    private Thread thread; // guarded by this

    Attempt(Call call, int number) {
        this.call = call;
        this.number = number;
    }

    @Override
    public void run() {
        if (!PHASE.compareAndSet(this, QUEUED, RUNNING)) {
            return; // cancelled or failed while queued
        }
        call.attemptStarted(this);
        synchronized (this) {
            thread = Thread.currentThread();
            if (phase == ENDED) {
                // Abandoned between starting and getting here: its outcome is already on its way.
                thread = null;
                return;
            }
        }
        Outcome outcome;
        // Without plugins there is no chain to enforce: call the function, and save an object.
        ChainInvocation chain = call.chainLength() == 0 ? null : new ChainInvocation(this);
        try {
            outcome = new Outcome.Success(chain == null ? call.function().apply(call.argument()) : chain.invoke(0));
        } catch (Throwable error) {
            outcome = new Outcome.Failed(error, chain == null ? 0 : chain.originOf(error));
        } finally {
            // From here on an abandon() no longer interrupts this thread (see there).
            synchronized (this) {
                thread = null;
            }
        }
        complete(outcome);
        // An interrupt meant for this attempt must not reach whatever the pool thread runs next.
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
            before = phase;
            if (before == ENDED) {
                return false;
            }
        } while (!PHASE.compareAndSet(this, before, ENDED));
        call.attemptEnded(this, before == RUNNING, outcome);
        return true;
    }

    /**
     * Ends the attempt from outside (timeout, cancel), interrupting its thread if asked. The
     * interrupt is sent under this attempt's lock and only while the worker is still inside the
     * attempt, so it can never hit the next task the pool thread picks up.
     */
    boolean abandon(Outcome outcome, boolean interrupt) {
        if (!complete(outcome)) {
            return false;
        }
        if (interrupt) {
            synchronized (this) {
                if (thread != null) {
                    thread.interrupt();
                }
            }
        }
        return true;
    }

    boolean isActive() {
        return phase != ENDED;
    }
}
