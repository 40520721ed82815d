package dev.weft.reliability;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Watches callbacks: counts any that ran off the loop thread or while a callback on another
 * thread was still inside. Emission is re-entrant on the loop (a handler that submits fires
 * {@code future-submitted} at once), so nesting on one thread is not an overlap.
 */
final class LoopGuard {

    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private final LongAdder overlaps = new LongAdder();
    private final LongAdder offLoop = new LongAdder();
    private final LongAdder entered = new LongAdder();
    private volatile Thread loop;
    private int depth; // touched only by the owner

    /** @param thread the thread that calls run() */
    void loopIs(Thread thread) {
        loop = thread;
    }

    /** Checks that a plugin hook (not a callback, so it may nest in one) runs on the loop. */
    void onLoop() {
        if (Thread.currentThread() != loop) {
            offLoop.increment();
        }
    }

    void enter() {
        entered.increment();
        Thread me = Thread.currentThread();
        if (me != loop) {
            offLoop.increment();
        }
        if (owner.get() == me) {
            depth++;
        } else if (owner.compareAndSet(null, me)) {
            depth = 1;
        } else {
            overlaps.increment();
        }
    }

    void exit() {
        if (owner.get() == Thread.currentThread() && --depth == 0) {
            owner.set(null);
        }
    }

    Runnable wrap(Runnable callback) {
        return () -> {
            enter();
            try {
                callback.run();
            } finally {
                exit();
            }
        };
    }

    <T> Consumer<T> wrap(Consumer<T> callback) {
        return value -> {
            enter();
            try {
                callback.accept(value);
            } finally {
                exit();
            }
        };
    }

    <T, U> BiConsumer<T, U> wrap(BiConsumer<T, U> callback) {
        return (t, u) -> {
            enter();
            try {
                callback.accept(t, u);
            } finally {
                exit();
            }
        };
    }

    long overlaps() {
        return overlaps.sum();
    }

    long offLoop() {
        return offLoop.sum();
    }

    long entered() {
        return entered.sum();
    }
}
