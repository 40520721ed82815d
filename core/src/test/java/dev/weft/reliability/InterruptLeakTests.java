package dev.weft.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Action;
import dev.weft.ExitState;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.api.TaskFuture;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A cancel (or a timeout) interrupts the thread of the attempt it ends while that attempt runs,
 * and never later: on the sequential executor that thread is the loop, which a late interrupt
 * would stop.
 *
 * <p>Each trial lets the function return at the moment its cancel has ended the attempt but not
 * yet interrupted its thread (the task's running count drops inside the cancel, before the
 * interrupt), which is where a late interrupt can land on whatever the thread does next.
 */
class InterruptLeakTests {

    private static final int TRIALS = 300;

    /** Spins until the cancel has ended this attempt (bounded), then returns normally. */
    private static int returnAsTheCancelLands(Task<?, ?> task, int arg, BlockingQueue<Integer> started) {
        started.add(arg);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (task.runningCount() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return arg;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCancelThatLandsAsTheAttemptReturnsNeverInterruptsTheSequentialLoop() throws Exception {
        Scheduler scheduler = Scheduler.sequential();
        BlockingQueue<Integer> started = new LinkedBlockingQueue<>();
        Map<Integer, TaskFuture<Integer>> futures = new ConcurrentHashMap<>();
        AtomicReference<Task<Integer, Integer>> self = new AtomicReference<>();
        Task<Integer, Integer> task = scheduler.task("a", x -> returnAsTheCancelLands(self.get(), x, started));
        self.set(task);
        AtomicInteger ended = new AtomicInteger();
        task.onSubmitted(f -> futures.put((Integer) f.argument(), f));
        Runnable next = () -> {
            int n = ended.incrementAndGet();
            if (n < TRIALS) {
                task.submit(n);
            }
        };
        task.onResult((f, r) -> next.run());
        task.onCancelled(f -> next.run());
        scheduler.onStart(() -> task.submit(0));
        Thread canceller = canceller(started, futures);

        ExitState exit = scheduler.run(RunOptions.defaults().onCancelled(Action.CONTINUE));

        canceller.interrupt();
        assertEquals(ExitState.Code.EXHAUSTED, exit.code(), "the loop thread was interrupted: " + exit);
        assertEquals(TRIALS, ended.get());
    }

    private static Thread canceller(BlockingQueue<Integer> started, Map<Integer, TaskFuture<Integer>> futures) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    int arg = started.take();
                    TaskFuture<Integer> f;
                    while ((f = futures.get(arg)) == null) {
                        Thread.onSpinWait(); // the submitted handler runs right after submit
                    }
                    assertTrue(f.cancel() || f.isDone());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "interrupt-leak-canceller");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
