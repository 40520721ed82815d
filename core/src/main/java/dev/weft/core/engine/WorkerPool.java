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
 * <p>Every worker is started with the pool, at the start of a run, rather than as attempts
 * arrive as a {@code ThreadPoolExecutor}'s core threads are. Starting a thread blocks the caller
 * (here 0.2 to 2.3 ms on a 2-core VM); started from {@link #execute}, it blocked the loop while
 * it dispatched a run's first attempts, so the first worker ran out of work, went to sleep,
 * and took up to a millisecond to wake once the loop came back.
 */
final class WorkerPool {

    private final Worker[] workers;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    // Workers marked idle and not yet claimed by a waker; for a moment it may count one more.
    private final AtomicInteger idle = new AtomicInteger();
    private volatile boolean shutdown;

    private WorkerPool(int size) {
        this.workers = new Worker[size];
    }

    /**
     * Makes a pool and starts all its threads.
     *
     * @param size how many threads it runs
     * @param namePrefix the threads' names, before their number (from 1)
     * @return the pool, its threads started
     */
    static WorkerPool start(int size, String namePrefix) {
        if (size < 1) {
            throw new IllegalArgumentException("a worker pool needs at least 1 thread, got " + size);
        }
        WorkerPool pool = new WorkerPool(size);
        for (int i = 0; i < size; i++) {
            Worker worker = pool.new Worker();
            worker.thread = new Thread(worker, namePrefix + (i + 1));
            worker.thread.setDaemon(true);
            pool.workers[i] = worker;
        }
        try {
            for (Worker worker : pool.workers) {
                worker.thread.start();
            }
        } catch (Throwable e) {
            // Out of threads: end the ones that started rather than leave them parked for good.
            pool.shutdownNow();
            throw e;
        }
        return pool;
    }

    /**
     * Queues a task and wakes a worker for it if one is asleep.
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
        if (idle.get() > 0) {
            wakeOne();
        }
    }

    /** Lets queued tasks run, then ends the workers; refuses new tasks. */
    void shutdown() {
        shutdown = true;
        wakeAll(false);
    }

    /**
     * Waits for the workers to end, after {@link #shutdown()} or {@link #shutdownNow()}.
     *
     * @param timeout the longest wait in all
     * @return whether every worker ended in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Worker worker : workers) {
            Thread thread = worker.thread;
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

    private void wakeOne() {
        for (Worker worker : workers) {
            if (worker.claim()) {
                idle.decrementAndGet();
                LockSupport.unpark(worker.thread);
                return;
            }
        }
    }

    private void wakeAll(boolean interrupt) {
        for (Worker worker : workers) {
            if (interrupt) {
                worker.thread.interrupt();
            }
            LockSupport.unpark(worker.thread);
        }
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
