package dev.weft.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The loop's queue: workers, timers and other threads post jobs; the loop thread takes them in
 * order. Once closed, posting is refused so the caller can act itself: nothing posted is lost.
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

    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private boolean open;

    synchronized void open() {
        open = true;
    }

    /** @return false if the inbox is closed: no loop will run the job */
    synchronized boolean post(Kind kind, Runnable action) {
        if (!open) {
            return false;
        }
        queue.add(new Job(kind, action));
        return true;
    }

    Job take() throws InterruptedException {
        return queue.take();
    }

    /** Closes the inbox if it is empty; otherwise leaves it open and returns what is left. */
    synchronized List<Job> closeIfEmpty() {
        List<Job> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (rest.isEmpty()) {
            open = false;
        }
        return rest;
    }
}
