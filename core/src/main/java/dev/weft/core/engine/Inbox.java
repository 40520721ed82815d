package dev.weft.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The loop's queue: workers, timers and other threads post jobs; the loop thread takes them in
 * order. Once closed, posting is refused so the caller can act itself: nothing posted is lost.
 *
 * <p>Posting takes no lock. Every completion of every call passes through here, and a monitor
 * shared by the workers and the loop was contended on each of them. Posters push onto a stack
 * with one compare-and-set; the loop takes the whole stack at once and reverses it into a batch
 * it owns, so jobs still run in the order they were posted. The loop is unparked only when it
 * has said it is about to wait.
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

    /** A job for the loop. It is its own link in the queue, so posting allocates nothing more. */
    abstract static class Job {
        private final Kind kind;
        // Set by the poster before the job is published, then only by the loop.
        private Job next;

        Job(Kind kind) {
            this.kind = kind;
        }

        final Kind kind() {
            return kind;
        }

        abstract void run();
    }

    /** @return a job that runs an action */
    static Job job(Kind kind, Runnable action) {
        return new Job(kind) {
            @Override
            void run() {
                action.run();
            }
        };
    }

    /** Heads the stack while the inbox is closed; never run. */
    private static final Job CLOSED = job(Kind.WAKE, () -> { });

    // Posted and not yet taken, newest first; CLOSED when closed.
    private final AtomicReference<Job> posted = new AtomicReference<>(CLOSED);
    // The loop's own: taken from the stack and not yet run, oldest first.
    private Job batch;
    // The loop thread while it is about to park or parked; posters unpark it.
    private volatile Thread waiting;

    /** Opens the inbox for a run; jobs left from an earlier run stay, in order. */
    void open() {
        posted.compareAndSet(CLOSED, null);
    }

    /** @return false if the inbox is closed: no loop will run the job */
    boolean post(Kind kind, Runnable action) {
        return post(job(kind, action));
    }

    /** @return false if the inbox is closed: no loop will run the job */
    boolean post(Job job) {
        Job head;
        do {
            head = posted.get();
            if (head == CLOSED) {
                return false;
            }
            job.next = head;
        } while (!posted.compareAndSet(head, job));
        // Read after the compare-and-set: either the loop sees the job before it parks, or this
        // sees the loop waiting and unparks it (both are volatile, so one of them must happen).
        Thread loop = waiting;
        if (loop != null) {
            LockSupport.unpark(loop);
        }
        return true;
    }

    /** Takes the next job, waiting for one; loop thread only. */
    Job take() throws InterruptedException {
        while (true) {
            if (batch != null || takePosted()) {
                Job job = batch;
                batch = job.next;
                job.next = null;
                return job;
            }
            waiting = Thread.currentThread();
            try {
                if (posted.get() == null) {
                    LockSupport.park(this);
                }
            } finally {
                waiting = null;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Closes the inbox if it is empty; otherwise leaves it open and returns what is left. Loop thread only. */
    List<Job> closeIfEmpty() {
        List<Job> rest = new ArrayList<>();
        moveBatchTo(rest);
        takePosted();
        moveBatchTo(rest);
        if (rest.isEmpty() && !posted.compareAndSet(null, CLOSED)) {
            // A job arrived in between (or the inbox was closed already, and nothing is taken).
            takePosted();
            moveBatchTo(rest);
        }
        return rest;
    }

    private void moveBatchTo(List<Job> jobs) {
        while (batch != null) {
            Job job = batch;
            batch = job.next;
            job.next = null;
            jobs.add(job);
        }
    }

    /** Moves what was posted into the batch, oldest first; @return whether there was anything. */
    private boolean takePosted() {
        Job head = posted.get();
        if (head == null || head == CLOSED) {
            return false;
        }
        head = posted.getAndSet(null);
        Job reversed = null;
        while (head != null) {
            Job next = head.next;
            head.next = reversed;
            reversed = head;
            head = next;
        }
        batch = reversed;
        return true;
    }
}
