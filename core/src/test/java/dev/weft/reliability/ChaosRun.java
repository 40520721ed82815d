package dev.weft.reliability;

import dev.weft.Action;
import dev.weft.Chain;
import dev.weft.ExitState;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.SchedulerNotRunningException;
import dev.weft.Task;
import dev.weft.api.CallState;
import dev.weft.api.ExceptionEvent;
import dev.weft.api.FutureEvent;
import dev.weft.api.ResultEvent;
import dev.weft.api.SchedulerEvents;
import dev.weft.api.TaskFuture;
import dev.weft.api.TaskTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One chaos run: calls submitted from external threads and from callbacks, whose functions
 * (chosen by a seeded random) succeed, throw, fail once, hang past a timeout, wait to be
 * cancelled by the user, or are vetoed; through the chain {@code [veto, retry, timeout]}. The run
 * is stopped from another thread once {@code target} calls have ended, while submitters are still
 * submitting. {@link #check()} then lists every broken promise.
 */
final class ChaosRun {

    /** What a call's function does. */
    enum Kind { OK, THROW, FLAKY, HANG, CANCEL, VETO }

    /** A call's argument: what its function will do, and how often it ran. */
    static final class Plan {
        final long seq;
        final Kind kind;
        final boolean external;
        final AtomicInteger runs = new AtomicInteger();
        volatile TaskFuture<?> future;

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

    /** The function threw, as planned. */
    static final class ChaosException extends Exception {
        private static final long serialVersionUID = 1L;

        ChaosException(Plan plan, int run) {
            super(plan + " run " + run, null, true, false);
        }
    }

    /** The events one call got, by level; loop thread only. */
    static final class Tally {
        int submittedS;
        int submittedT;
        int doneS;
        int doneT;
        int resultS;
        int resultT;
        int exceptionS;
        int exceptionT;
        int cancelledS;
        int cancelledT;
        int retries;
        Object result;
        Throwable error;
        boolean afterStop;
        TaskFuture<?> future;
    }

    static final int MAX_ATTEMPTS = 3;
    static final Duration LIMIT = Duration.ofMillis(25);
    static final long BLOCK_MS = 20_000;

    private final Scheduler scheduler;
    private final long target;
    private final int submitters;
    private final long seed;
    private final boolean sequential;

    final LoopGuard guard = new LoopGuard();
    final TimeoutPlugin timeout = new TimeoutPlugin(LIMIT);
    final VetoPlugin veto = new VetoPlugin(arg -> ((Plan) arg).kind == Kind.VETO, arg -> ((Plan) arg).seq, guard);
    final Task<Plan, Long> task;

    private final Map<Long, Tally> tallies = new ConcurrentHashMap<>();
    private final Map<Long, TaskFuture<Long>> returned = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> cancelWon = new ConcurrentHashMap<>();
    private final BlockingQueue<TaskFuture<Long>> toCancel = new LinkedBlockingQueue<>();
    private final Semaphore inFlight = new Semaphore(256);
    private final AtomicLong seqs = new AtomicLong();
    private final AtomicLong terminals = new AtomicLong();
    private final AtomicInteger insideFunction = new AtomicInteger();
    private final Map<Plan, Integer> inside = new ConcurrentHashMap<>();
    private final AtomicLong ranPastBlock = new AtomicLong();
    private final LongAdder vetoedReturns = new LongAdder();
    private final LongAdder notRunning = new LongAdder();
    private final LongAdder submitFailures = new LongAdder();
    private final Map<Kind, LongAdder> planned = new EnumMap<>(Kind.class);
    private final CountDownLatch reachedTarget = new CountDownLatch(1);
    private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong violationCount = new AtomicLong();
    private volatile boolean stopRequested;
    private volatile boolean stopEventSeen;
    private volatile boolean runReturned;
    private volatile long stopNanos;
    private long callbackBudget;
    private Random loopRandom;

    ExitState exit;
    long stopToReturnNanos;
    long runNanos;

    /**
     * @param scheduler a fresh scheduler
     * @param target how many calls to end before stopping
     * @param submitters external submitting threads
     * @param seed the random seed for the plans
     */
    ChaosRun(Scheduler scheduler, long target, int submitters, long seed, boolean sequential) {
        this.scheduler = scheduler;
        this.target = target;
        this.submitters = submitters;
        this.seed = seed;
        this.sequential = sequential;
        this.callbackBudget = target / 5;
        for (Kind k : Kind.values()) {
            planned.put(k, new LongAdder());
        }
        this.task = scheduler.task("chaos", this::apply,
                Chain.of(veto, new RetryPlugin(MAX_ATTEMPTS, guard), timeout));
        subscribe();
    }

    // ---------------------------------------------------------------- the workload

    private Long apply(Plan plan) throws Exception {
        int run = plan.runs.incrementAndGet();
        insideFunction.incrementAndGet();
        inside.put(plan, run);
        try {
            switch (plan.kind) {
                case OK:
                    return plan.seq * 2;
                case THROW:
                    throw new ChaosException(plan, run);
                case FLAKY:
                    if (run == 1) {
                        throw new ChaosException(plan, run);
                    }
                    return plan.seq * 2;
                case HANG:
                case CANCEL:
                    // Only an interrupt (timeout or cancel) ends it early; running out means one was lost.
                    Thread.sleep(BLOCK_MS);
                    ranPastBlock.incrementAndGet();
                    return -1L;
                default:
                    throw new AssertionError("a vetoed plan ran: " + plan);
            }
        } finally {
            inside.remove(plan);
            insideFunction.decrementAndGet();
        }
    }

    private Kind pick(Random random) {
        int x = random.nextInt(10_000);
        Kind kind = x < 5_500 ? Kind.OK
                : x < 6_500 ? Kind.THROW
                : x < 8_000 ? Kind.FLAKY
                : x < 9_000 ? Kind.VETO
                : x < (sequential ? 9_900 : 9_990) ? Kind.CANCEL
                : Kind.HANG;
        planned.get(kind).increment();
        return kind;
    }

    private void subscribe() {
        scheduler.onStart(guard.wrap(this::started));
        scheduler.on(SchedulerEvents.STOP, guard.wrap(e -> stopEventSeen = true));
        scheduler.on(SchedulerEvents.FUTURE_SUBMITTED, guard.wrap((FutureEvent e) -> {
            Tally t = tallies.computeIfAbsent(e.future().id(), id -> new Tally());
            t.future = e.future();
            t.submittedS++;
            if (((Plan) e.future().argument()).kind == Kind.VETO) {
                violation("vetoed " + e.future().argument() + " was submitted as " + e.future());
            }
        }));
        scheduler.on(SchedulerEvents.FUTURE_DONE, guard.wrap((FutureEvent e) -> tally(e.future()).doneS++));
        scheduler.on(SchedulerEvents.FUTURE_RESULT, guard.wrap((ResultEvent e) -> {
            Tally t = tally(e.future());
            t.resultS++;
            t.result = e.result();
        }));
        scheduler.on(SchedulerEvents.FUTURE_EXCEPTION, guard.wrap((ExceptionEvent e) -> {
            Tally t = tally(e.future());
            t.exceptionS++;
            t.error = e.exception();
        }));
        scheduler.on(SchedulerEvents.FUTURE_CANCELLED, guard.wrap((FutureEvent e) -> tally(e.future()).cancelledS++));
        task.onSubmitted(guard.wrap(f -> {
            tally(f).submittedT++;
            Plan plan = (Plan) f.argument();
            if (plan.seq % 197 == 0 && f.cancel()) { // a user cancel from a callback, while pending
                cancelWon.put(f.id(), true);
            }
        }));
        task.onDone(guard.wrap(f -> tally(f).doneT++));
        task.onResult(guard.wrap((f, r) -> {
            tally(f).resultT++;
            ended(f);
        }));
        task.onException(guard.wrap((f, e) -> {
            tally(f).exceptionT++;
            ended(f);
        }));
        task.onCancelled(guard.wrap(f -> {
            tally(f).cancelledT++;
            ended(f);
        }));
        task.on(ChaosEvents.RETRYING, guard.wrap((ChaosEvents.Retrying e) -> {
            Tally t = tallies.get(e.call());
            if (t == null) {
                violation("a retry of call " + e.call() + " that was never submitted");
            } else {
                t.retries++;
            }
        }));
    }

    private Tally tally(TaskFuture<?> future) {
        Tally t = tallies.get(future.id());
        if (t == null) {
            violation("an event for " + future + " before its future-submitted");
            t = tallies.computeIfAbsent(future.id(), id -> new Tally());
        }
        return t;
    }

    private void ended(TaskFuture<?> future) {
        Plan plan = (Plan) future.argument();
        tally(future).afterStop = stopEventSeen;
        if (plan.external) {
            inFlight.release();
        }
        if (terminals.incrementAndGet() == target) {
            reachedTarget.countDown();
        }
        // Some calls submit more from their callback, with the loop's own seeded random.
        if (callbackBudget > 0 && plan.seq % 4 == 0) {
            callbackBudget--;
            submitFromLoop();
        }
    }

    private void started() {
        loopRandom = new Random(seed);
        for (int i = 0; i < 64; i++) {
            submitFromLoop();
        }
        for (int i = 0; i < submitters; i++) {
            int index = i;
            start("chaos-submitter-" + i, () -> submitLoop(index));
        }
        start("chaos-canceller", this::cancelLoop);
        start("chaos-stopper", this::stopWhenDone);
    }

    private void submitFromLoop() {
        Plan plan = new Plan(seqs.incrementAndGet(), pick(loopRandom), false);
        try {
            accept(plan, task.submit(plan));
        } catch (SchedulerNotRunningException e) {
            notRunning.increment();
        }
    }

    private void submitLoop(int index) {
        Random random = new Random(seed * 31 + index);
        long cap = target * 3; // a bound in case the stop never comes
        while (seqs.get() < cap) {
            try {
                while (!inFlight.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                    if (stopRequested && !scheduler.running()) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
            Plan plan = new Plan(seqs.incrementAndGet(), pick(random), true);
            Optional<TaskFuture<Long>> future;
            try {
                future = task.submit(plan);
            } catch (SchedulerNotRunningException e) {
                notRunning.increment(); // the run ended under us: expected once stopped
                inFlight.release();
                if (!stopRequested) {
                    violation("submit refused before stop(): " + e);
                }
                return;
            } catch (RuntimeException e) {
                submitFailures.increment();
                violation("submit threw " + e);
                inFlight.release();
                continue;
            }
            if (future.isEmpty()) {
                inFlight.release();
            }
            accept(plan, future);
        }
    }

    private void accept(Plan plan, Optional<TaskFuture<Long>> future) {
        if (future.isEmpty()) {
            vetoedReturns.increment();
            if (plan.kind != Kind.VETO) {
                violation(plan + " was vetoed");
            }
            return;
        }
        TaskFuture<Long> f = future.get();
        plan.future = f;
        if (plan.kind == Kind.VETO) {
            violation("vetoed " + plan + " returned " + f);
        }
        if (returned.putIfAbsent(f.id(), f) != null) {
            violation("two submits returned call id " + f.id());
        }
        if (plan.kind == Kind.CANCEL || plan.seq % 100 == 7) {
            toCancel.add(f);
        }
    }

    private void cancelLoop() {
        try {
            while (true) {
                TaskFuture<Long> f = toCancel.poll(10, TimeUnit.MILLISECONDS);
                if (f == null) {
                    if (runReturned && toCancel.isEmpty()) {
                        return;
                    }
                    continue;
                }
                if (f.cancel()) {
                    cancelWon.put(f.id(), true);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopWhenDone() {
        try {
            if (!reachedTarget.await(50, TimeUnit.SECONDS)) {
                violation("only " + terminals.get() + " of " + target + " calls ended in 50s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopRequested = true;
        stopNanos = System.nanoTime();
        scheduler.stop();
    }

    private void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    // ---------------------------------------------------------------- running and checking

    /** Runs on this thread (it becomes the loop) and waits, bounded, for the helpers to finish. */
    ChaosRun run() throws InterruptedException {
        guard.loopIs(Thread.currentThread());
        long begin = System.nanoTime();
        exit = scheduler.run(RunOptions.defaults().endOnEmpty(false)
                .onException(Action.CONTINUE).onCancelled(Action.CONTINUE));
        long end = System.nanoTime();
        runReturned = true;
        runNanos = end - begin;
        stopToReturnNanos = stopNanos == 0 ? -1 : end - stopNanos;
        // Interrupted functions leave at once; one still inside after 5s lost its interrupt.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (insideFunction.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        for (Thread t : List.copyOf(threads)) {
            t.join(TimeUnit.SECONDS.toMillis(5));
            if (t.isAlive()) {
                violation(t.getName() + " still running 5s after run() returned");
            }
        }
        return this;
    }

    /** @return every broken promise (at most 40 listed, then the total) */
    List<String> check() {
        if (insideFunction.get() != 0) {
            inside.forEach((plan, run) -> violation(plan + " run " + run + " of " + plan.future + " (attempts "
                    + (plan.future == null ? "?" : plan.future.attempts()) + ", cancel won "
                    + (plan.future != null && cancelWon.containsKey(plan.future.id())) + ", timeouts "
                    + (plan.future == null ? "?" : timeout.firedFor(plan.future.id()))
                    + ") is still inside 5s after run(): its interrupt was lost"));
        }
        if (ranPastBlock.get() != 0) {
            violation(ranPastBlock.get() + " blocking functions were never interrupted");
        }
        if (guard.overlaps() != 0) {
            violation(guard.overlaps() + " callbacks ran while another thread was inside a callback");
        }
        if (guard.offLoop() != 0) {
            violation(guard.offLoop() + " callbacks or hooks ran off the loop thread");
        }
        if (exit == null || exit.code() != ExitState.Code.STOPPED) {
            violation("run() ended with " + exit + ", not STOPPED");
        }
        checkEachCall();
        checkCounts();
        List<String> out = new ArrayList<>(violations);
        if (violationCount.get() > out.size()) {
            out.add("... " + violationCount.get() + " violations in all");
        }
        return out;
    }

    private void checkEachCall() {
        for (Map.Entry<Long, Tally> entry : tallies.entrySet()) {
            if (!returned.containsKey(entry.getKey())) {
                violation("events for call " + entry.getKey() + " whose submit returned no future");
            }
        }
        for (TaskFuture<Long> f : returned.values()) {
            Tally t = tallies.get(f.id());
            if (t == null) {
                violation(f + " was returned but got no event");
                continue;
            }
            checkCall(f, t);
        }
    }

    private void checkCall(TaskFuture<Long> f, Tally t) {
        Plan plan = (Plan) f.argument();
        int terminalsS = t.resultS + t.exceptionS + t.cancelledS;
        int terminalsT = t.resultT + t.exceptionT + t.cancelledT;
        if (t.submittedS != 1 || t.submittedT != 1 || terminalsS != 1 || terminalsT != 1
                || t.resultS != t.resultT || t.exceptionS != t.exceptionT || t.cancelledS != t.cancelledT
                || t.doneS != t.resultS + t.exceptionS || t.doneT != t.doneS) {
            violation(f + " " + plan + ": submitted " + t.submittedS + "/" + t.submittedT + ", done " + t.doneS + "/"
                    + t.doneT + ", result " + t.resultS + "/" + t.resultT + ", exception " + t.exceptionS + "/"
                    + t.exceptionT + ", cancelled " + t.cancelledS + "/" + t.cancelledT + " (scheduler/task)");
            return;
        }
        boolean cancelled = t.cancelledS == 1;
        int timeouts = timeout.firedFor(f.id());
        if (cancelled != cancelWon.containsKey(f.id())) {
            violation(f + " " + plan + ": cancelled=" + cancelled + " but cancel() won=" + cancelWon.containsKey(f.id()));
        }
        CallState expectedState = cancelled ? CallState.CANCELLED : t.resultS == 1 ? CallState.SUCCEEDED : CallState.FAILED;
        if (f.state() != expectedState) {
            violation(f + ": state " + f.state() + " after its terminal event said " + expectedState);
        }
        if (timeouts > f.attempts()) {
            violation(f + ": timed out " + timeouts + " times in " + f.attempts() + " attempts");
        }
        // A retry is an attempt, unless the call ended while it waited (cancel, or the run's end).
        boolean retriesMatch = f.attempts() == 1 + t.retries
                || (f.attempts() == t.retries && (cancelled || t.afterStop));
        if (!retriesMatch) {
            violation(f + " " + plan + ": " + f.attempts() + " attempts after " + t.retries + " retries");
        }
        if (cancelled) {
            return;
        }
        if (t.resultS == 1) {
            if ((plan.kind != Kind.OK && plan.kind != Kind.FLAKY) || !Long.valueOf(plan.seq * 2).equals(t.result)) {
                violation(f + " " + plan + " returned " + t.result);
            }
            if (plan.kind == Kind.FLAKY && timeouts == 0 && plan.runs.get() != 2) {
                violation(f + " " + plan + " succeeded after " + plan.runs.get() + " runs, not 2");
            }
            return;
        }
        Throwable error = t.error;
        if (error instanceof TaskTimeoutException) {
            if (timeouts == 0) {
                violation(f + " " + plan + " failed with a timeout its plugin never raised");
            }
        } else if (error instanceof ChaosException) {
            if (plan.kind == Kind.THROW) {
                if (timeouts == 0 && !t.afterStop
                        && (f.attempts() != MAX_ATTEMPTS || error.getSuppressed().length != MAX_ATTEMPTS - 1)) {
                    violation(f + " " + plan + " failed after " + f.attempts() + " attempts with "
                            + error.getSuppressed().length + " suppressed");
                }
            } else if (!(plan.kind == Kind.FLAKY && t.afterStop)) {
                // FLAKY fails only when the run's end dropped its retry.
                violation(f + " " + plan + " failed with " + error);
            }
        } else {
            violation(f + " " + plan + " failed with an unexpected " + error);
        }
        if ((plan.kind == Kind.HANG || plan.kind == Kind.CANCEL) && !(error instanceof TaskTimeoutException)) {
            violation(f + " " + plan + " ended with " + error);
        }
    }

    private void checkCounts() {
        long submitted = scheduler.eventCount(SchedulerEvents.FUTURE_SUBMITTED);
        long results = scheduler.eventCount(SchedulerEvents.FUTURE_RESULT);
        long exceptions = scheduler.eventCount(SchedulerEvents.FUTURE_EXCEPTION);
        long cancels = scheduler.eventCount(SchedulerEvents.FUTURE_CANCELLED);
        long done = scheduler.eventCount(SchedulerEvents.FUTURE_DONE);
        expect("future-submitted = futures returned", returned.size(), submitted);
        expect("future-submitted = result + exception + cancelled", submitted, results + exceptions + cancels);
        expect("future-done = result + exception", results + exceptions, done);
        expect("task submitted", submitted, task.eventCount("submitted"));
        expect("task result", results, task.eventCount("result"));
        expect("task exception", exceptions, task.eventCount("exception"));
        expect("task cancelled", cancels, task.eventCount("cancelled"));
        expect("task done", done, task.eventCount("done"));
        expect("chaos-vetoed = empty submits", vetoedReturns.sum(), task.eventCount(ChaosEvents.VETOED));
        expect("vetoes counted by the plugin", veto.vetoed, task.eventCount(ChaosEvents.VETOED));
        expect("chaos-timed-out = scopes the plugin failed", timeout.firedTotal(),
                task.eventCount(ChaosEvents.TIMED_OUT));
        long retries = tallies.values().stream().mapToLong(t -> t.retries).sum();
        expect("chaos-retrying = retries seen per call", retries, task.eventCount(ChaosEvents.RETRYING));
        expect("plugin-error", 0, scheduler.eventCount(SchedulerEvents.PLUGIN_ERROR));
        if (submitted < target) {
            violation("only " + submitted + " calls were submitted, fewer than the target " + target);
        }
        if (cancels == 0 || exceptions == 0 || results == 0 || vetoedReturns.sum() == 0) {
            violation("the chaos lacked a kind: " + summary());
        }
    }

    private void expect(String what, long expected, long actual) {
        if (expected != actual) {
            violation(what + ": expected " + expected + ", got " + actual);
        }
    }

    private void violation(String what) {
        if (violationCount.incrementAndGet() <= 40) {
            violations.add(what);
        }
    }

    /** @return the run's counts, one line */
    String summary() {
        return String.format("%s: %d calls submitted (%d vetoed) in %.2fs; results %d, exceptions %d (timeouts %d),"
                        + " cancelled %d, retries %d; refused after stop %d; stop->return %.1fms; planned %s",
                scheduler, scheduler.eventCount(SchedulerEvents.FUTURE_SUBMITTED), vetoedReturns.sum(), runNanos / 1e9,
                scheduler.eventCount(SchedulerEvents.FUTURE_RESULT), scheduler.eventCount(SchedulerEvents.FUTURE_EXCEPTION),
                timeout.firedTotal(), scheduler.eventCount(SchedulerEvents.FUTURE_CANCELLED),
                task.eventCount(ChaosEvents.RETRYING), notRunning.sum(), stopToReturnNanos / 1e6, planned);
    }
}
