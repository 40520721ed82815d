package dev.weft.core.engine;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where attempts run: a pool weft owns, an executor the user owns, or the loop itself. */
public interface CallExecutor {

    /** Prepares for a run; {@code loop} posts a job to the loop (used by the sequential executor). */
    void beginRun(BiConsumer<Inbox.Kind, Runnable> loop);

    /** Runs an attempt. */
    void execute(Runnable attempt) throws RejectedExecutionException;

    /** Ends a run: every attempt has ended; {@code wait} false means interrupt what still runs. */
    void endRun(boolean wait);

    /** @return the executor as the event tree shows it */
    String describe();

    /** @return whether attempts run on the loop thread itself, which then cannot see a stop or timeout */
    default boolean runsOnLoop() {
        return false;
    }

    /** @return a pool of daemon worker threads, new for each run and shut down at its end */
    static CallExecutor threads(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        return new Threads(workers);
    }

    /** @return an executor the caller owns: weft never shuts it down */
    static CallExecutor provided(ExecutorService executor) {
        return new Provided(executor);
    }

    /** @return runs each attempt on the loop thread, in submission order */
    static CallExecutor sequential() {
        return new Sequential();
    }

    /** A pool weft owns. Daemon threads, so an abandoned call cannot keep the JVM alive. */
    final class Threads implements CallExecutor {
        private static final AtomicInteger POOLS = new AtomicInteger();
        private static final Duration WORKERS_END_WITHIN = Duration.ofSeconds(1);
        private static final Logger LOG = LoggerFactory.getLogger(CallExecutor.class);
        private final int workers;
        private WorkerPool pool;

        Threads(int workers) {
            this.workers = workers;
        }

        @Override
        public void beginRun(BiConsumer<Inbox.Kind, Runnable> loop) {
            pool = WorkerPool.start(workers, "weft-worker-" + POOLS.incrementAndGet() + "-");
        }

        @Override
        public void execute(Runnable attempt) {
            pool.execute(attempt);
        }

        @Override
        public void endRun(boolean wait) {
            if (wait) {
                pool.shutdown();
                // Every attempt has ended, so the workers end at once: waiting for them makes
                // 'finished' mean the threads are gone, not only told to go.
                try {
                    if (!pool.awaitTermination(WORKERS_END_WITHIN)) {
                        LOG.warn("weft bug: worker threads of a pool were still alive {} ms after its run",
                                WORKERS_END_WITHIN.toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                pool.shutdownNow();
            }
        }

        @Override
        public String describe() {
            return "threads(workers=" + workers + ")";
        }
    }

    /** An executor the user owns; weft only submits to it. */
    final class Provided implements CallExecutor {
        private final ExecutorService executor;

        Provided(ExecutorService executor) {
            this.executor = executor;
        }

        @Override
        public void beginRun(BiConsumer<Inbox.Kind, Runnable> loop) {
        }

        @Override
        public void execute(Runnable attempt) {
            executor.execute(attempt);
        }

        @Override
        public void endRun(boolean wait) {
        }

        @Override
        public String describe() {
            return executor.getClass().getSimpleName() + " (caller-owned)";
        }
    }

    /** Runs attempts on the loop thread, queued behind the events already posted. */
    final class Sequential implements CallExecutor {
        private BiConsumer<Inbox.Kind, Runnable> loop;

        @Override
        public void beginRun(BiConsumer<Inbox.Kind, Runnable> loop) {
            this.loop = loop;
        }

        @Override
        public void execute(Runnable attempt) {
            loop.accept(Inbox.Kind.EXECUTE, attempt);
        }

        @Override
        public void endRun(boolean wait) {
        }

        @Override
        public String describe() {
            return "sequential";
        }

        @Override
        public boolean runsOnLoop() {
            return true;
        }
    }
}
