package dev.weft.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The loop's inbox: order, closing, no lost job and no lost wake-up. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InboxTests {

    private static Runnable record(List<Integer> into, int n) {
        return () -> into.add(n);
    }

    @Test
    void jobsRunInPostingOrderAcrossBatches() throws InterruptedException {
        Inbox inbox = new Inbox();
        inbox.open();
        List<Integer> ran = new ArrayList<>();
        inbox.post(Inbox.Kind.WAKE, record(ran, 1));
        inbox.post(Inbox.Kind.WAKE, record(ran, 2));
        inbox.take().run();
        inbox.post(Inbox.Kind.WAKE, record(ran, 3));
        inbox.post(Inbox.Kind.WAKE, record(ran, 4));
        inbox.take().run();
        inbox.take().run();
        inbox.post(Inbox.Kind.WAKE, record(ran, 5));
        inbox.take().run();
        inbox.take().run();
        assertEquals(List.of(1, 2, 3, 4, 5), ran);
    }

    @Test
    void aClosedInboxRefusesAndClosingWaitsUntilItIsEmpty() throws InterruptedException {
        Inbox inbox = new Inbox();
        assertFalse(inbox.post(Inbox.Kind.WAKE, () -> { }), "an inbox is closed until opened");
        inbox.open();
        List<Integer> ran = new ArrayList<>();
        assertTrue(inbox.post(Inbox.Kind.WAKE, record(ran, 1)));
        assertTrue(inbox.post(Inbox.Kind.COMPLETION, record(ran, 2)));
        inbox.take().run();
        assertTrue(inbox.post(Inbox.Kind.EMIT, record(ran, 3)));

        List<Inbox.Job> rest = inbox.closeIfEmpty();
        assertEquals(List.of(Inbox.Kind.COMPLETION, Inbox.Kind.EMIT), rest.stream().map(Inbox.Job::kind).toList());
        assertTrue(inbox.post(Inbox.Kind.WAKE, record(ran, 4)), "not empty, so still open");
        rest.forEach(Inbox.Job::run);
        inbox.closeIfEmpty().forEach(Inbox.Job::run);

        assertEquals(List.of(), inbox.closeIfEmpty());
        assertFalse(inbox.post(Inbox.Kind.WAKE, record(ran, 5)));
        assertEquals(List.of(), inbox.closeIfEmpty());
        assertEquals(List.of(1, 2, 3, 4), ran);

        inbox.open();
        assertTrue(inbox.post(Inbox.Kind.WAKE, record(ran, 6)));
        inbox.take().run();
        assertEquals(List.of(1, 2, 3, 4, 6), ran);
    }

    @Test
    void manyPostersLoseNothingAndKeepEachPostersOrder() throws Exception {
        int posters = 4;
        int each = 50_000;
        Inbox inbox = new Inbox();
        inbox.open();
        int[] last = new int[posters];
        java.util.Arrays.fill(last, -1);
        AtomicReference<String> disorder = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < posters; p++) {
            int poster = p;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    int n = i;
                    inbox.post(Inbox.Kind.COMPLETION, () -> {
                        if (last[poster] != n - 1) {
                            disorder.compareAndSet(null, "poster " + poster + ": " + n + " after " + last[poster]);
                        }
                        last[poster] = n;
                    });
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (int taken = 0; taken < posters * each; taken++) {
            inbox.take().run();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(null, disorder.get());
        for (int p = 0; p < posters; p++) {
            assertEquals(each - 1, last[p]);
        }
        assertEquals(List.of(), inbox.closeIfEmpty(), "nothing beyond what was posted");
    }

    @Test
    void aWaitingLoopIsWokenByEveryPost() throws Exception {
        // Ping-pong: each post finds the loop parked or about to park. A lost wake-up hangs the
        // loop, and the test times out.
        int rounds = 20_000;
        Inbox inbox = new Inbox();
        inbox.open();
        Semaphore ran = new Semaphore(0);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread loop = new Thread(() -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    inbox.take().run();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        loop.start();
        for (int i = 0; i < rounds; i++) {
            inbox.post(Inbox.Kind.COMPLETION, ran::release);
            assertTrue(ran.tryAcquire(10, TimeUnit.SECONDS), "round " + i + ": the loop was not woken");
        }
        loop.join();
        assertEquals(null, failure.get());
    }

    @Test
    void anInterruptedLoopStopsWaitingButTakesWhatIsThere() throws InterruptedException {
        Inbox inbox = new Inbox();
        inbox.open();
        List<Integer> ran = new ArrayList<>();
        inbox.post(Inbox.Kind.WAKE, record(ran, 1));
        Thread.currentThread().interrupt();
        try {
            inbox.take().run();
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
            assertThrows(InterruptedException.class, inbox::take);
            assertFalse(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(1), ran);
    }
}
