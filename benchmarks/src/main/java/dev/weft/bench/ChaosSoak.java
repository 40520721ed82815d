package dev.weft.bench;

import dev.weft.Action;
import dev.weft.Chain;
import dev.weft.ExitState;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.SchedulerNotRunningException;
import dev.weft.Task;
import dev.weft.api.CallScope;
import dev.weft.api.Cancellable;
import dev.weft.api.EventType;
import dev.weft.api.ExceptionEvent;
import dev.weft.api.Failure;
import dev.weft.api.FutureEvent;
import dev.weft.api.Invocation;
import dev.weft.api.PluginException;
import dev.weft.api.ResultEvent;
import dev.weft.api.SchedulerEvents;
import dev.weft.api.Submission;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskFuture;
import dev.weft.api.TaskPlugin;
import dev.weft.api.TaskTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The reliability chaos workload of core's {@code ExactlyOnceUnderChaosTests}, run much longer:
 * calls from four external threads and from callbacks, whose functions succeed, throw, fail once,
 * hang past a timeout, wait to be cancelled, or are vetoed, through {@code [veto, retry,
 * timeout]}; stopped from another thread while submitters still submit. It checks as it goes
 * that each call gets exactly one terminal event at the scheduler and at the task, of a kind its
 * plan allows, and that no two callbacks overlap; it prints progress every million calls and the
 * final counts, and exits 1 on any violation. Not run in CI.
 *
 * <pre>java -cp target/benchmarks.jar dev.weft.bench.ChaosSoak [--calls N] [--workers W] [--seed S]</pre>
 */
public final class ChaosSoak {

    private enum Kind { OK, THROW, FLAKY, HANG, CANCEL, VETO }

    private static final int MAX_ATTEMPTS = 3;
    private static final Duration LIMIT = Duration.ofMillis(25);

    /** Payload of the veto plugin's event. @param seq the vetoed plan */
    public record Vetoed(long seq) {
    }

    /** Payload of the timeout plugin's event. @param call the call id */
    public record TimedOut(long call) {
    }

    private static final EventType<Vetoed> VETOED = EventType.of("soak-vetoed", Vetoed.class);
    private static final EventType<TimedOut> TIMED_OUT = EventType.of("soak-timed-out", TimedOut.class);

    private static final class Plan {
        final long seq;
        final Kind kind;
        final boolean external;
        final AtomicInteger runs = new AtomicInteger();

        Plan(long seq, Kind kind, boolean external) {
            this.seq = seq;
            this.kind = kind;
            this.external = external;
        }

        @Override
        public String toString() {
            return kind + "#" + seq;
        }
    }

    private static final class PlannedFailure extends Exception {
        private static final long serialVersionUID = 1L;

        PlannedFailure(Plan plan) {
            super(plan.toString(), null, true, false);
        }
    }

    /** The scheduler-level terminal kind seen for a call still waiting for its task-level one. */
    private static final class Pending {
        char schedulerKind; // 'r', 'e', 'c'
    }

    private final long target;
    private final int workers;
    private final long seed;
    private final Scheduler scheduler;
    private final Task<Plan, Long> task;
    private final Map<Long, Pending> inFlight = new HashMap<>(); // loop thread only
    private final Map<Long, Boolean> cancelTried = new java.util.concurrent.ConcurrentHashMap<>();
    private final LongAdder cancelWins = new LongAdder();
    private final BlockingQueue<TaskFuture<Long>> toCancel = new LinkedBlockingQueue<>();
    private final Semaphore permits = new Semaphore(256);
    private final AtomicLong seqs = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();
    private final AtomicInteger insideCallback = new AtomicInteger();
    private final AtomicReference<Thread> loop = new AtomicReference<>();
    private final LongAdder violations = new LongAdder();
    private final LongAdder vetoed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final long[] kinds = new long[3]; // results, exceptions, cancels: loop only
    private final CountDownLatch reached = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean runReturned;
    private long callbackBudget;
    private Random loopRandom;
    private final long began = System.nanoTime();

    private ChaosSoak(long target, int workers, long seed) {
        this.target = target;
        this.workers = workers;
        this.seed = seed;
        this.callbackBudget = target / 5;
        this.scheduler = Scheduler.withThreads(workers);
        this.task = scheduler.task("chaos", this::apply, Chain.of(new Veto(), new Retry(), new Timeout()));
        subscribe();
    }

    /**
     * Runs the soak.
     *
     * @param args {@code --calls N} (default 10,000,000), {@code --workers W} (4), {@code --seed S} (1)
     * @throws Exception if the run cannot be set up
     */
    public static void main(String[] args) throws Exception {
        long calls = 10_000_000L;
        int workers = 4;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--calls" -> calls = Long.parseLong(args[++i].replace("_", ""));
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; expected --calls N, --workers W or --seed S");
            }
        }
        int status = new ChaosSoak(calls, workers, seed).run();
        System.exit(status);
    }

    private int run() throws InterruptedException {
        loop.set(Thread.currentThread());
        ExitState exit = scheduler.run(RunOptions.defaults().endOnEmpty(false)
                .onException(Action.CONTINUE).onCancelled(Action.CONTINUE));
        long end = System.nanoTime();
        runReturned = true;
        long stopAt = stopNanos.get();
        if (!inFlight.isEmpty()) {
            violation(inFlight.size() + " calls never got both terminal events, e.g. " + inFlight.keySet().iterator().next());
        }
        long submitted = scheduler.eventCount(SchedulerEvents.FUTURE_SUBMITTED);
        check("future-submitted = futures returned", returned.get(), submitted);
        check("future-submitted = terminal events", submitted, kinds[0] + kinds[1] + kinds[2]);
        check("task terminal events", submitted,
                task.eventCount("result") + task.eventCount("exception") + task.eventCount("cancelled"));
        check("soak-vetoed = empty submits", vetoed.sum(), task.eventCount(VETOED));
        check("cancel() wins = cancelled events", cancelWins.sum(), kinds[2]);
        check("plugin-error", 0, scheduler.eventCount(SchedulerEvents.PLUGIN_ERROR));
        if (exit.code() != ExitState.Code.STOPPED) {
            violation("run() ended " + exit);
        }
        System.out.printf("done: %s; %d calls submitted, %d vetoed; results %d, exceptions %d (%d timeouts),"
                        + " cancelled %d; %d submits refused after stop; run %.1fs, stop->return %.1fms;"
                        + " %d violations%n", exit, submitted, vetoed.sum(), kinds[0], kinds[1], timeouts.sum(),
                kinds[2], refused.sum(), (end - began) / 1e9, (end - stopAt) / 1e6, violations.sum());
        return violations.sum() == 0 ? 0 : 1;
    }

    private final AtomicLong stopNanos = new AtomicLong();

    // ---------------------------------------------------------------- workload

    private Long apply(Plan plan) throws Exception {
        int run = plan.runs.incrementAndGet();
        switch (plan.kind) {
            case OK:
                return plan.seq;
            case THROW:
                throw new PlannedFailure(plan);
            case FLAKY:
                if (run == 1) {
                    throw new PlannedFailure(plan);
                }
                return plan.seq;
            case HANG:
            case CANCEL:
                Thread.sleep(20_000);
                violation(plan + " was never interrupted");
                return -1L;
            default:
                throw new IllegalStateException("a vetoed plan ran: " + plan);
        }
    }

    private static Kind pick(Random random) {
        int x = random.nextInt(10_000);
        return x < 5_500 ? Kind.OK : x < 6_500 ? Kind.THROW : x < 8_000 ? Kind.FLAKY : x < 9_000 ? Kind.VETO
                : x < 9_990 ? Kind.CANCEL : Kind.HANG;
    }

    private void subscribe() {
        scheduler.onStart(guarded(this::started));
        scheduler.onStop(e -> stopping = true);
        scheduler.on(SchedulerEvents.FUTURE_SUBMITTED, (FutureEvent e) -> guarded(() -> {
            if (inFlight.put(e.future().id(), new Pending()) != null) {
                violation(e.future() + " submitted twice");
            }
        }).run());
        scheduler.on(SchedulerEvents.FUTURE_RESULT, (ResultEvent e) -> guarded(() -> schedulerEnd(e.future(), 'r')).run());
        scheduler.on(SchedulerEvents.FUTURE_EXCEPTION,
                (ExceptionEvent e) -> guarded(() -> schedulerEnd(e.future(), 'e')).run());
        scheduler.on(SchedulerEvents.FUTURE_CANCELLED,
                (FutureEvent e) -> guarded(() -> schedulerEnd(e.future(), 'c')).run());
        task.onResult((f, r) -> guarded(() -> {
            Plan plan = (Plan) f.argument();
            if (!Long.valueOf(plan.seq).equals(r) || (plan.kind != Kind.OK && plan.kind != Kind.FLAKY)) {
                violation(f + " returned " + r);
            }
            taskEnd(f, 'r');
        }).run());
        task.onException((f, e) -> guarded(() -> {
            Plan plan = (Plan) f.argument();
            boolean allowed = e instanceof TaskTimeoutException
                    || (e instanceof PlannedFailure && (plan.kind == Kind.THROW || (plan.kind == Kind.FLAKY && stopping)));
            if (!allowed) {
                violation(f + " failed with " + e);
            }
            taskEnd(f, 'e');
        }).run());
        task.onCancelled(f -> guarded(() -> taskEnd(f, 'c')).run());
    }

    private void schedulerEnd(TaskFuture<?> f, char kind) {
        Pending p = inFlight.get(f.id());
        if (p == null || p.schedulerKind != 0) {
            violation(f + " got a second terminal event or one without future-submitted");
            return;
        }
        p.schedulerKind = kind;
        kinds[kind == 'r' ? 0 : kind == 'e' ? 1 : 2]++;
    }

    private void taskEnd(TaskFuture<?> f, char kind) {
        Pending p = inFlight.remove(f.id());
        if (p == null || p.schedulerKind != kind) {
            violation(f + ": task-level " + kind + " after scheduler-level " + (p == null ? "none" : p.schedulerKind));
        }
        // The canceller marks a call before cancel(), so the mark is there when the cancel lands; that
        // every won cancel ended a call is checked in total at the end.
        if (kind == 'c' && !cancelTried.containsKey(f.id())) {
            violation(f + " was cancelled, but nobody cancelled it");
        }
        Plan plan = (Plan) f.argument();
        if (plan.external) {
            permits.release();
        }
        long n = ended.incrementAndGet();
        if (n % 1_000_000 == 0) {
            System.out.printf("%,d calls ended in %.1fs: results %d, exceptions %d, cancelled %d, in flight %d%n", n,
                    (System.nanoTime() - began) / 1e9, kinds[0], kinds[1], kinds[2], inFlight.size());
        }
        if (n == target) {
            reached.countDown();
        }
        if (callbackBudget > 0 && plan.seq % 4 == 0) {
            callbackBudget--;
            submit(new Plan(seqs.incrementAndGet(), pick(loopRandom), false));
        }
    }

    private Runnable guarded(Runnable body) {
        return () -> {
            if (Thread.currentThread() != loop.get()) {
                violation("a callback ran on " + Thread.currentThread().getName());
            }
            if (insideCallback.getAndIncrement() != 0 && Thread.currentThread() != loop.get()) {
                violation("two callbacks ran at once");
            }
            try {
                body.run();
            } finally {
                insideCallback.decrementAndGet();
            }
        };
    }

    private void started() {
        loopRandom = new Random(seed);
        for (int i = 0; i < 64; i++) {
            submit(new Plan(seqs.incrementAndGet(), pick(loopRandom), false));
        }
        for (int i = 0; i < 4; i++) {
            int index = i;
            daemon("soak-submitter-" + i, () -> submitLoop(index));
        }
        daemon("soak-canceller", this::cancelLoop);
        daemon("soak-stopper", () -> {
            try {
                reached.await();
            } catch (InterruptedException e) {
                return;
            }
            stopNanos.set(System.nanoTime());
            scheduler.stop();
        });
    }

    private boolean submit(Plan plan) {
        Optional<TaskFuture<Long>> f;
        try {
            f = task.submit(plan);
        } catch (SchedulerNotRunningException e) {
            refused.increment();
            return false;
        }
        if (f.isEmpty()) {
            vetoed.increment();
            if (plan.kind != Kind.VETO) {
                violation(plan + " was vetoed");
            }
            if (plan.external) {
                permits.release();
            }
            return true;
        }
        returned.incrementAndGet();
        if (plan.kind == Kind.VETO) {
            violation("vetoed " + plan + " returned " + f.get());
        }
        if (plan.kind == Kind.CANCEL || plan.seq % 100 == 7) {
            toCancel.add(f.get());
        }
        return true;
    }

    private void submitLoop(int index) {
        Random random = new Random(seed * 31 + index);
        while (true) {
            try {
                while (!permits.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                    if (stopping || runReturned) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
            if (!submit(new Plan(seqs.incrementAndGet(), pick(random), true))) {
                permits.release();
                return;
            }
        }
    }

    private void cancelLoop() {
        try {
            while (!runReturned) {
                TaskFuture<Long> f = toCancel.poll(10, TimeUnit.MILLISECONDS);
                if (f != null) {
                    cancelTried.put(f.id(), true);
                    if (f.cancel()) {
                        cancelWins.increment();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private void check(String what, long expected, long actual) {
        if (expected != actual) {
            violation(what + ": expected " + expected + ", got " + actual);
        }
    }

    private void violation(String what) {
        violations.increment();
        if (violations.sum() <= 20) {
            System.out.println("VIOLATION: " + what);
        }
    }

    // ---------------------------------------------------------------- the chain's plugins

    /** Vetoes VETO plans, like a call limiter. */
    private final class Veto implements TaskPlugin {
        private TaskContext context;

        @Override
        public String name() {
            return "soak-veto";
        }

        @Override
        public void attach(TaskContext task) {
            context = task;
            task.register(VETOED);
        }

        @Override
        public void beforeSubmit(Submission submission) {
            Plan plan = (Plan) submission.argument();
            if (plan.kind == Kind.VETO) {
                context.emit(VETOED, new Vetoed(plan.seq));
                submission.veto("planned");
            }
        }
    }

    /** Retries any failure but a plugin fault, up to MAX_ATTEMPTS per scope. */
    private static final class Retry implements TaskPlugin {
        @Override
        public String name() {
            return "soak-retry";
        }

        @Override
        public void onFailure(Failure failure) {
            if (failure.error() instanceof PluginException) {
                return;
            }
            AtomicInteger made = failure.scope().state(() -> new AtomicInteger(1));
            if (made.getAndIncrement() < MAX_ATTEMPTS) {
                failure.retryAfter(failure.call().id() % 2 == 1 ? Duration.ZERO : Duration.ofMillis(1));
            }
        }
    }

    /** Fails its scope after LIMIT on the scheduler's clock. */
    private final class Timeout implements TaskPlugin {
        private TaskContext context;

        @Override
        public String name() {
            return "soak-timeout";
        }

        @Override
        public void attach(TaskContext task) {
            context = task;
            task.register(TIMED_OUT);
        }

        @Override
        public Object around(Invocation invocation) throws Exception {
            CallScope scope = invocation.scope();
            long call = invocation.call().id();
            scope.state(() -> {
                Cancellable timer = context.clock().schedule(LIMIT, () -> {
                    Duration ran = Duration.ofNanos(context.clock().nanoTime() - scope.startNanos());
                    if (scope.fail(new TaskTimeoutException(LIMIT, ran), true)) {
                        timeouts.increment();
                        context.emit(TIMED_OUT, new TimedOut(call));
                    }
                });
                scope.onEnd(timer::cancel);
                return timer;
            });
            return invocation.proceed();
        }
    }
}
