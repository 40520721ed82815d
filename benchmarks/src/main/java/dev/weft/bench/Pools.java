package dev.weft.bench;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools shaped like the one {@code Scheduler.withThreads(n)} makes: fixed size, unbounded queue, daemons. */
final class Pools {

    private Pools() {
    }

    static ThreadPoolExecutor fixed(int workers, String prefix) {
        AtomicInteger ids = new AtomicInteger();
        return new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, prefix + "-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
