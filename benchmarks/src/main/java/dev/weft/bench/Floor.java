package dev.weft.bench;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The floor: a {@link ThreadPoolExecutor} of the same size whose completions are handed to one
 * consumer thread that submits the next call. No events, no bookkeeping: the least any
 * loop-based scheduler can do, since weft also runs functions on a pool and sends every outcome
 * to one loop thread.
 */
final class Floor implements Load {

    private final int workers;

    Floor(int workers) {
        this.workers = workers;
    }

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public Timing run(int calls, int inFlight) throws Exception {
        ThreadPoolExecutor pool = Pools.fixed(workers, "floor-worker");
        BlockingQueue<Integer> completions = new LinkedBlockingQueue<>();
        // One Runnable for every call, as weft's argument is shared too: the floor allocates only the queue nodes.
        Runnable call = () -> completions.add(NoOp.apply(NoOp.ARG));
        AtomicLong toFirstResult = new AtomicLong();
        AtomicLong toLastResult = new AtomicLong();
        AtomicLong elapsed = new AtomicLong();
        AtomicReference<Cpu.OfThread> consumerCpu = new AtomicReference<>(Cpu.OfThread.NONE);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            try {
                // The CPU readings inside the wall time, so that the consumer's busy share stays at most 1.
                long start = System.nanoTime();
                Cpu.OfThread cpuAtStart = Cpu.currentThread();
                int submitted = 0;
                for (; submitted < Math.min(inFlight, calls); submitted++) {
                    pool.execute(call);
                }
                for (int done = 0; done < calls; done++) {
                    completions.take();
                    if (done == 0) {
                        toFirstResult.set(System.nanoTime() - start);
                    }
                    if (submitted < calls) {
                        pool.execute(call);
                        submitted++;
                    }
                }
                consumerCpu.set(Cpu.currentThread().since(cpuAtStart));
                toLastResult.set(System.nanoTime() - start);
                pool.shutdown();
                if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the floor's pool did not terminate");
                }
                elapsed.set(System.nanoTime() - start);
            } catch (Throwable t) {
                failure.set(t);
                pool.shutdownNow();
            }
        }, "floor-consumer");
        consumer.start();
        consumer.join();
        if (failure.get() != null) {
            throw new IllegalStateException("the floor failed: " + failure.get(), failure.get());
        }
        return new Timing(toFirstResult.get(), toLastResult.get(), elapsed.get(), consumerCpu.get());
    }
}
