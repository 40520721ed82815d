package dev.weft.core.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The loop's queue: workers, timers and other threads post jobs; the loop thread takes them in
 * order. Once closed, posting is refused so the caller can act itself: nothing posted is lost.
 *
 * <p>One monitor guards the queue, and the loop is only notified when it is waiting: a post
 * costs one uncontended lock in the common case.
 */
public final class Inbox {

    /** What a job is, so the shutdown phase can tell what to run now and what to defer. */
    public enum Kind {
        /** Runs a call's attempt on the loop (the sequential executor). */
        EXECUTE,
        /** A submit made from another thread; its caller is waiting. */
        SUBMIT,
        /** An attempt's outcome. */
        COMPLETION,
        /** An event a plugin emitted from another thread. */
        EMIT,
        /** A callLater action or a retry. */
        CALLBACK,
        /** Wakes the loop to look at its state (stop, timeout). */
        WAKE
    }

    record Job(Kind kind, Runnable action) {
    }

    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private boolean open;
    private boolean loopWaiting;

    synchronized void open() {
        open = true;
    }

    /** @return false if the inbox is closed: no loop will run the job */
    synchronized boolean post(Kind kind, Runnable action) {
        if (!open) {
            return false;
        }
        queue.add(new Job(kind, action));
        if (loopWaiting) {
            notifyAll();
        }
        return true;
    }

    /** Takes the next job, waiting for one. */
    synchronized Job take() throws InterruptedException {
        while (queue.isEmpty()) {
            loopWaiting = true;
            try {
                wait();
            } finally {
                loopWaiting = false;
            }
        }
        return queue.poll();
    }

    /** Closes the inbox if it is empty; otherwise leaves it open and returns what is left. */
    synchronized List<Job> closeIfEmpty() {
        List<Job> rest = new ArrayList<>(queue);
        queue.clear();
        if (rest.isEmpty()) {
            open = false;
        }
        return rest;
    }
}
