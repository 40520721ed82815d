package dev.weft.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lists of calls in flight: submission order, removal anywhere, and two lists per call. */
class CallListTests {

    private final Engine engine = new Engine(SystemClock.INSTANCE, CallExecutor.sequential());

    private List<Call> calls(int n) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(new Call(engine, i, null, i, x -> x, List.of()));
        }
        return calls;
    }

    @Test
    void keepsSubmissionOrderWhateverIsRemoved() {
        List<Call> c = calls(5);
        CallList list = new CallList(CallList.Links.RUN);
        c.forEach(list::add);
        list.remove(c.get(2)); // middle
        list.remove(c.get(0)); // first
        list.remove(c.get(4)); // last
        assertEquals(List.of(c.get(1), c.get(3)), list.snapshot());
        assertEquals(2, list.size());
        list.add(c.get(0));
        assertEquals(List.of(c.get(1), c.get(3), c.get(0)), list.snapshot());
    }

    @Test
    void removingACallTwiceOrOneNeverAddedChangesNothing() {
        List<Call> c = calls(3);
        CallList list = new CallList(CallList.Links.RUN);
        list.add(c.get(0));
        list.add(c.get(1));
        list.remove(c.get(1));
        list.remove(c.get(1));
        list.remove(c.get(2));
        assertEquals(List.of(c.get(0)), list.snapshot());
        assertEquals(1, list.size());
        list.remove(c.get(0));
        assertTrue(list.isEmpty());
        assertEquals(List.of(), list.snapshot());
    }

    @Test
    void aCallIsInTheRunsListAndItsTasksIndependently() {
        List<Call> c = calls(3);
        CallList run = new CallList(CallList.Links.RUN);
        CallList task = new CallList(CallList.Links.TASK);
        c.forEach(run::add);
        task.add(c.get(2));
        task.add(c.get(0));
        run.remove(c.get(0));
        assertEquals(List.of(c.get(1), c.get(2)), run.snapshot());
        assertEquals(List.of(c.get(2), c.get(0)), task.snapshot());
        task.remove(c.get(2));
        assertEquals(List.of(c.get(0)), task.snapshot());
        assertFalse(run.isEmpty());
        assertEquals(List.of(c.get(1), c.get(2)), run.snapshot());
    }

    @Test
    @Timeout(60)
    void readersOnOtherThreadsSeeAConsistentListWhileTheLoopChangesIt() throws Exception {
        // The loop adds call n and removes call n - 64, so calls leave in the order they came.
        int total = 200_000;
        int window = 64;
        List<Call> c = calls(total);
        CallList list = new CallList(CallList.Links.RUN);
        // Ids the readers can bound their snapshot with: the oldest call still in the list, and
        // the newest added. Written by the loop after each change.
        long[] oldest = new long[1];
        AtomicReference<long[]> progress = new AtomicReference<>(new long[] {0, -1});
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> wrong = new AtomicReference<>();
        int readers = 3;
        CountDownLatch finished = new CountDownLatch(readers);
        int[] snapshots = new int[readers];
        for (int r = 0; r < readers; r++) {
            int reader = r;
            Thread t = new Thread(() -> {
                try {
                    while (!done.get() && wrong.get() == null) {
                        long[] before = progress.get();
                        List<Call> seen = list.snapshot();
                        long[] after = progress.get();
                        String problem = check(seen, before, after);
                        if (problem != null) {
                            wrong.compareAndSet(null, problem);
                        }
                        snapshots[reader]++;
                    }
                } finally {
                    finished.countDown();
                }
            }, "reader-" + r);
            t.setDaemon(true);
            t.start();
        }
        for (int n = 0; n < total && wrong.get() == null; n++) {
            list.add(c.get(n));
            if (n >= window) {
                list.remove(c.get(n - window));
                oldest[0] = n - window + 1;
            }
            progress.set(new long[] {oldest[0], n});
        }
        done.set(true);
        assertTrue(finished.await(10, TimeUnit.SECONDS), "the readers did not stop");
        assertEquals(null, wrong.get());
        for (int count : snapshots) {
            assertTrue(count > 0, "every reader took snapshots");
        }
        assertEquals(c.subList(total - window, total), list.snapshot());
    }

    /**
     * What a snapshot taken between two readings of the loop's progress must hold: ids in order
     * and in the range the list spanned meanwhile, and every call that was in the list throughout.
     * The loop publishes its progress after each step (one add, one remove), so the list may be
     * one step ahead of what a reading says.
     */
    private static String check(List<Call> seen, long[] before, long[] after) {
        long previous = -1;
        for (Call call : seen) {
            if (call.id() <= previous) {
                return "out of order: " + call.id() + " after " + previous;
            }
            if (call.id() < before[0] || call.id() > after[1] + 1) {
                return "call " + call.id() + " outside [" + before[0] + ", " + (after[1] + 1) + "]";
            }
            previous = call.id();
        }
        long from = after[0] + 1; // after[0] itself may have gone in a step not yet published
        long to = before[1];
        long throughout = Math.max(0, to - from + 1);
        long present = seen.stream().filter(call -> call.id() >= from && call.id() <= to).count();
        return present == throughout ? null
                : "missing calls: " + present + " of the " + throughout + " in the list throughout";
    }
}
