package dev.weft.reliability;

import dev.weft.Scheduler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** The three kinds of executor a scheduler can run calls on, for tests that must hold on each. */
enum ExecutorKind {
    THREADS {
        @Override
        Scheduler.Builder configure(Scheduler.Builder builder) {
            return builder.threads(4);
        }
    },
    SEQUENTIAL {
        @Override
        Scheduler.Builder configure(Scheduler.Builder builder) {
            return builder.sequential();
        }
    },
    PROVIDED {
        @Override
        Scheduler.Builder configure(Scheduler.Builder builder) {
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3, r -> {
                Thread t = new Thread(r, "caller-owned-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            return builder.executor(pool);
        }
    };

    abstract Scheduler.Builder configure(Scheduler.Builder builder);

    Scheduler scheduler() {
        return configure(Scheduler.builder()).build();
    }

    boolean onLoop() {
        return this == SEQUENTIAL;
    }
}
