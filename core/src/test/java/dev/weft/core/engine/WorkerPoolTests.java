package dev.weft.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WorkerPoolTests {

    private static final long WAIT_SECONDS = 10;

    @Test
    void everyTaskRunsExactlyOnceWhileWorkersSleepAndWake() throws Exception {
        WorkerPool pool = WorkerPool.start(3, "test-worker-");
        int tasks = 20_000;
        AtomicInteger[] runs = new AtomicInteger[tasks];
        CountDownLatch done = new CountDownLatch(tasks);
        try {
            for (int i = 0; i < tasks; i++) {
                AtomicInteger count = runs[i] = new AtomicInteger();
                pool.execute(() -> {
                    count.incrementAndGet();
                    done.countDown();
                });
                if (i % 1000 == 0) {
                    // Let the queue run dry now and then, so that workers go idle and must be woken.
                    assertTrue(awaitCount(done, tasks - i - 1));
                }
            }
            assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS), "every task ran");
            for (int i = 0; i < tasks; i++) {
                assertEquals(1, runs[i].get(), "task " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean awaitCount(CountDownLatch latch, long atMost) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (latch.getCount() > atMost) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    @Test
    void everyThreadIsStartedWithThePoolBeforeAnyTaskArrives() throws Exception {
        WorkerPool pool = WorkerPool.start(3, "prestart-test-");
        try {
            List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("prestart-test-")).toList();
            assertEquals(Set.of("prestart-test-1", "prestart-test-2", "prestart-test-3"),
                    threads.stream().map(Thread::getName).collect(Collectors.toSet()));
            assertTrue(threads.stream().allMatch(Thread::isDaemon));
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(Duration.ofSeconds(WAIT_SECONDS)));
        }
    }

    @Test
    void anIdleWorkerIsWokenWhileAnotherIsBusy() throws Exception {
        WorkerPool pool = WorkerPool.start(2, "test-worker-");
        // Each task waits for the other: both finish only if both run at once, on two threads.
        CyclicBarrier both = new CyclicBarrier(2);
        CountDownLatch done = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Runnable meet = () -> {
            threads.add(Thread.currentThread().getName());
            try {
                both.await(WAIT_SECONDS, TimeUnit.SECONDS);
                done.countDown();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        try {
            // A first round starts both threads; the second finds them idle, asleep, and must wake one.
            pool.execute(meet);
            pool.execute(meet);
            assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS));
            CountDownLatch again = new CountDownLatch(2);
            both.reset();
            Runnable meetAgain = () -> {
                try {
                    both.await(WAIT_SECONDS, TimeUnit.SECONDS);
                    again.countDown();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            pool.execute(meetAgain);
            pool.execute(meetAgain);
            assertTrue(again.await(WAIT_SECONDS, TimeUnit.SECONDS), "the second task ran beside the first");
            assertEquals(Set.of("test-worker-1", "test-worker-2"), threads);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shutdownLetsQueuedTasksRunThenEndsTheThreads() throws Exception {
        WorkerPool pool = WorkerPool.start(1, "test-worker-");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(3);
        AtomicReference<Thread> worker = new AtomicReference<>();
        pool.execute(() -> {
            worker.set(Thread.currentThread());
            awaitQuietly(release);
            ran.countDown();
        });
        pool.execute(ran::countDown);
        pool.execute(ran::countDown);

        pool.shutdown();
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        release.countDown();

        assertTrue(ran.await(WAIT_SECONDS, TimeUnit.SECONDS), "queued tasks still ran");
        worker.get().join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertFalse(worker.get().isAlive(), "the thread ended");
        assertTrue(worker.get().isDaemon());
    }

    @Test
    void awaitTerminationReturnsOnceEveryWorkerEndedAndNotBefore() throws Exception {
        WorkerPool pool = WorkerPool.start(2, "test-worker-");
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 2; i++) {
            pool.execute(() -> {
                workers.add(Thread.currentThread());
                bothRunning.countDown();
                awaitQuietly(release);
            });
        }
        assertTrue(bothRunning.await(WAIT_SECONDS, TimeUnit.SECONDS));
        pool.shutdown();

        assertFalse(pool.awaitTermination(Duration.ofMillis(20)), "a worker still runs its task");
        release.countDown();
        assertTrue(pool.awaitTermination(Duration.ofSeconds(WAIT_SECONDS)));
        assertEquals(2, workers.size());
        for (Thread worker : workers) {
            assertFalse(worker.isAlive(), worker + " ended before awaitTermination returned");
        }
    }

    @Test
    void shutdownNowInterruptsTheRunningTaskAndDropsTheQueued() throws Exception {
        WorkerPool pool = WorkerPool.start(1, "test-worker-");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicInteger queuedRan = new AtomicInteger();
        AtomicReference<Thread> worker = new AtomicReference<>();
        pool.execute(() -> {
            worker.set(Thread.currentThread());
            started.countDown();
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        pool.execute(queuedRan::incrementAndGet);
        assertTrue(started.await(WAIT_SECONDS, TimeUnit.SECONDS));

        pool.shutdownNow();

        assertTrue(interrupted.await(WAIT_SECONDS, TimeUnit.SECONDS), "the running task was interrupted");
        worker.get().join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertFalse(worker.get().isAlive());
        assertEquals(0, queuedRan.get(), "the queued task was dropped");
    }

    @Test
    void aTaskThatThrowsIsReportedAndTheWorkerGoesOn() throws Exception {
        WorkerPool pool = WorkerPool.start(1, "test-worker-");
        List<Throwable> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch reportedLatch = new CountDownLatch(1);
        CountDownLatch after = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
                    reported.add(e);
                    reportedLatch.countDown();
                });
                throw new IllegalStateException("weft bug");
            });
            pool.execute(after::countDown);

            assertTrue(reportedLatch.await(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals("weft bug", reported.get(0).getMessage());
            assertTrue(after.await(WAIT_SECONDS, TimeUnit.SECONDS), "the same worker ran the next task");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStrayInterruptBetweenTasksDoesNotStopTheWorker() throws Exception {
        WorkerPool pool = WorkerPool.start(1, "test-worker-");
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch first = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                worker.set(Thread.currentThread());
                first.countDown();
            });
            assertTrue(first.await(WAIT_SECONDS, TimeUnit.SECONDS));
            worker.get().interrupt();

            CountDownLatch second = new CountDownLatch(1);
            pool.execute(second::countDown);
            assertTrue(second.await(WAIT_SECONDS, TimeUnit.SECONDS));
            assertTrue(worker.get().isAlive());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPoolNeedsAThread() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerPool.start(0, "x-"));
        assertEquals("a worker pool needs at least 1 thread, got 0", e.getMessage());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
