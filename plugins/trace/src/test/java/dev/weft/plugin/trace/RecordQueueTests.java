package dev.weft.plugin.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.plugin.trace.TraceRecord.Submitted;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordQueueTests {

    private static final Recording SOURCE = new Recording("t", 0);

    private static Submitted record(long call) {
        return new Submitted(SOURCE, call, 0, "x");
    }

    /** Takes every record the queue holds, as the writer does. */
    private static List<Long> takeAll(RecordQueue queue) {
        List<Long> calls = new ArrayList<>();
        for (TraceRecord r; (r = queue.peek()) != null; queue.remove()) {
            calls.add(((Submitted) r).call());
        }
        return calls;
    }

    @Test
    void recordsComeOutInTheOrderTheyWentIn() {
        RecordQueue queue = new RecordQueue();
        queue.add(record(1));
        queue.add(record(2));
        assertEquals(1L, ((Submitted) queue.peek()).call());
        // Added while the writer is part way through: after the ones it already took.
        queue.add(record(3));
        assertEquals(3, queue.size());
        assertEquals(List.of(1L, 2L, 3L), takeAll(queue));
        assertTrue(queue.isEmpty());
        assertNull(queue.peek());
    }

    @Test
    void peekWithoutRemoveGivesTheSameRecordAgain() {
        RecordQueue queue = new RecordQueue();
        Submitted first = record(1);
        queue.add(first);
        queue.add(record(2));
        assertSame(first, queue.peek());
        assertSame(first, queue.peek(), "a write that failed tries the same record again");
        assertFalse(queue.isEmpty());
    }

    @Test
    void clearDropsWhatWasTakenAndWhatWasNot() {
        RecordQueue queue = new RecordQueue();
        queue.add(record(1));
        queue.peek();
        queue.add(record(2));
        queue.clear();
        assertTrue(queue.isEmpty());
        assertEquals(0, queue.size());
        assertNull(queue.peek());
    }

    @Test
    void manyThreadsAddingLoseNothingAndKeepEachThreadsOrder() throws Exception {
        RecordQueue queue = new RecordQueue();
        int threads = 4;
        int each = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            long base = (long) t * 1_000_000;
            Thread adder = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        queue.add(record(base + i));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            adder.start();
        }
        go.countDown();
        // The writer takes while the adders add, as a worker writing the file does.
        List<Long> taken = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.await(0, TimeUnit.MILLISECONDS)) {
            taken.addAll(takeAll(queue));
            assertTrue(System.nanoTime() < deadline, "the adding threads did not finish");
        }
        taken.addAll(takeAll(queue));

        assertEquals(threads * each, taken.size());
        long[] next = new long[threads];
        for (long call : taken) {
            int t = (int) (call / 1_000_000);
            assertEquals(next[t], call % 1_000_000, "thread " + t + "'s records out of order");
            next[t]++;
        }
    }
}
