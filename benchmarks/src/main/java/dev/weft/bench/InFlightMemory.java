package dev.weft.bench;

import dev.weft.Chain;
import dev.weft.Scheduler;
import dev.weft.Task;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Heap per call in flight: a scheduler on a caller-owned pool whose every worker is held by a
 * latch, so the calls submitted from {@code on_start} all stay queued. The heap after GC is read
 * before and after submitting them; the difference divided by their count is what one waiting
 * call costs (the call, its attempt, the scheduler's and the task's bookkeeping and the pool's
 * queue node; the argument is shared, so not counted).
 *
 * <p>A blocked pool, rather than a sequential scheduler during {@code on_start}, keeps the calls
 * on the path real runs take: handed to a thread pool and waiting there.
 */
final class InFlightMemory {

    private InFlightMemory() {
    }

    /**
     * @return bytes of heap per queued call
     */
    static double bytesPerCall(int workers, int count, Chain chain) throws InterruptedException {
        ThreadPoolExecutor pool = Pools.fixed(workers, "blocked-worker");
        CountDownLatch gate = new CountDownLatch(1);
        for (int i = 0; i < workers; i++) {
            pool.execute(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            Scheduler scheduler = Scheduler.with(pool);
            Task<Integer, Integer> task = scheduler.task("noop", NoOp::apply, chain);
            double[] perCall = new double[1];
            int[] ended = new int[1];
            scheduler.onStart(() -> {
                long before = Heap.usedAfterGc();
                for (int i = 0; i < count; i++) {
                    task.submit(NoOp.ARG).orElseThrow();
                }
                long after = Heap.usedAfterGc();
                perCall[0] = (double) (after - before) / count;
                gate.countDown();
            });
            task.onResult((future, result) -> ended[0]++);
            scheduler.run();
            if (ended[0] != count) {
                throw new IllegalStateException("only " + ended[0] + " of " + count + " queued calls ended");
            }
            return perCall[0];
        } finally {
            gate.countDown();
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
