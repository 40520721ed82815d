package dev.weft.core.engine;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The fixed pool of daemon threads behind {@code Scheduler.withThreads(n)}, built to wake as
 * few threads as it can.
 *
 * <p>Why not a {@code ThreadPoolExecutor}: with short calls, a profile on two cores showed the
 * loop and the workers spending most of their time in {@code unpark}, that is in the kernel
 * waking threads, which in a virtual machine costs more than a short call. The executor's queue
 * takes a lock on each side, so the two workers and the loop also woke each other to pass a
 * lock, and a worker that found the queue empty went to sleep at once, for the loop to wake it
 * for the next attempt a moment later.
 *
 * <p>Here the queue is lock-free. A worker that finds it empty first yields its processor once,
 * which lets the loop dispatch the next attempt, and looks again; only then does it mark itself
 * idle, look a last time and park. {@link #execute} wakes an idle worker only if there is one,
 * so a worker still awake takes the attempt without a system call. Both sides publish before
 * they look (the queue, then the idle count; the idle count, then the queue), so a worker
 * cannot sleep on a queued attempt. Spinning instead of yielding was slower: on two cores the
 * spinning worker takes the processor the loop needs.
 *
 * <p>Workers are started as attempts arrive, up to the pool's size, as a
 * {@code ThreadPoolExecutor}'s core threads are.
 */
final class WorkerPool {

    private final String namePrefix;
    private final Worker[] workers;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    // Workers marked idle and not yet claimed by a waker; for a moment it may count one more.
    private final AtomicInteger idle = new AtomicInteger();
    // How many of the workers were started; written under this object's lock.
    private volatile int started;
    private volatile boolean shutdown;

    /**
     * @param size the most threads it runs
     * @param namePrefix the threads' names, before their number
     */
    WorkerPool(int size, String namePrefix) {
        if (size < 1) {
            throw new IllegalArgumentException("a worker pool needs at least 1 thread, got " + size);
        }
        this.namePrefix = namePrefix;
        this.workers = new Worker[size];
    }

    /**
     * Queues a task and wakes or starts a worker for it if none is idle-and-awake to take it.
     *
     * @throws RejectedExecutionException once the pool is shut down
     */
    void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("the worker pool is shut down");
        }
        queue.offer(task);
        if (shutdown && queue.remove(task)) {
            // Shut down in between: the workers may be gone, so the task must not stay queued.
            throw new RejectedExecutionException("the worker pool is shut down");
        }
        if (idle.get() > 0 && wakeOne()) {
            return;
        }
        if (started < workers.length) {
            startWorkerIfNoneIdle();
        }
    }

    /** Lets queued tasks run, then ends the workers; refuses new tasks. */
    void shutdown() {
        shutdown = true;
        wakeAll(false);
    }

    /**
     * Waits for the started workers to end, after {@link #shutdown()} or {@link #shutdownNow()}.
     *
     * @param timeout the longest wait in all
     * @return whether every worker ended in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int count = started;
        for (int i = 0; i < count; i++) {
            Thread thread = workers[i].thread;
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** Drops queued tasks, interrupts running ones, and ends the workers; refuses new tasks. */
    void shutdownNow() {
        shutdown = true;
        queue.clear();
        wakeAll(true);
    }

    private boolean wakeOne() {
        for (Worker worker : workers) {
            // A null slot is a worker not started yet: it cannot be idle.
            if (worker != null && worker.claim()) {
                idle.decrementAndGet();
                LockSupport.unpark(worker.thread);
                return true;
            }
        }
        return false;
    }

    private synchronized void wakeAll(boolean interrupt) {
        for (int i = 0; i < started; i++) {
            Worker worker = workers[i];
            if (interrupt) {
                worker.thread.interrupt();
            }
            LockSupport.unpark(worker.thread);
        }
    }

    private synchronized void startWorkerIfNoneIdle() {
        // An idle worker would take the task: a new thread then only costs its start.
        if (started == workers.length || shutdown || idle.get() > 0) {
            return;
        }
        Worker worker = new Worker();
        Thread thread = new Thread(worker, namePrefix + (started + 1));
        thread.setDaemon(true);
        worker.thread = thread;
        // Published before the thread starts, so a waker that sees it idle sees it here.
        workers[started] = worker;
        started = started + 1;
        thread.start();
    }

    /** One pool thread: runs queued tasks, and parks when there are none. */
    private final class Worker implements Runnable {
        private static final int BUSY = 0;
        private static final int IDLE = 1;
        private static final int WOKEN = 2;

        private Thread thread;
        // Only the worker moves itself to IDLE; a waker moves it from IDLE to WOKEN, once per
        // sleep, and takes its idle count with it.
        private final AtomicInteger state = new AtomicInteger(BUSY);

        boolean claim() {
            return state.get() == IDLE && state.compareAndSet(IDLE, WOKEN);
        }

        @Override
        public void run() {
            while (true) {
                Runnable task = queue.poll();
                if (task == null) {
                    if (shutdown) {
                        return;
                    }
                    task = waitForTask();
                    if (task == null) {
                        continue;
                    }
                }
                try {
                    task.run();
                } catch (Throwable error) {
                    // An attempt catches its function's failure, so this is weft's own fault:
                    // report it, and go on serving the queue, as a replaced thread would.
                    thread.getUncaughtExceptionHandler().uncaughtException(thread, error);
                }
            }
        }

        /** @return a task if one came while it was about to sleep, null when woken (or shut down) */
        private Runnable waitForTask() {
            Thread.yield();
            Runnable task = queue.poll();
            if (task != null) {
                return task;
            }
            state.set(IDLE);
            idle.incrementAndGet();
            task = queue.poll();
            while (task == null && !shutdown && state.get() == IDLE) {
                LockSupport.park(this);
                // An interrupt that outlived its attempt would make park return at once, forever.
                Thread.interrupted();
            }
            if (state.compareAndSet(IDLE, BUSY)) {
                idle.decrementAndGet(); // withdrawn by the worker itself: a task came, or the shutdown
            } else {
                state.set(BUSY); // a waker claimed it and took its idle count
            }
            return task;
        }
    }
}
