package dev.weft.plugin.timeout;

import dev.weft.api.CallScope;
import dev.weft.api.Durations;
import dev.weft.api.Invocation;
import dev.weft.api.Panel;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskFuture;
import dev.weft.api.TaskPlugin;
import dev.weft.api.TaskTimeoutException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The {@code timeout} plugin of one task. */
final class TimeoutPlugin implements TaskPlugin {

    /** How soon to try again when the scope could not be failed yet. */
    static final Duration RECHECK = Duration.ofMillis(1);

    private final TimeoutConfig config;
    private final long limitNanos;
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private volatile TaskContext context;
    private volatile Deadlines deadlines;

    TimeoutPlugin(TimeoutConfig config) {
        this.config = config;
        this.limitNanos = nanosAtMost(config.limit());
    }

    /** A duration in nanoseconds, or {@link Long#MAX_VALUE} for one too long to count in them (292 years). */
    private static long nanosAtMost(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String name() {
        return TimeoutPluginFactory.NAME;
    }

    @Override
    public void attach(TaskContext task) {
        this.context = task;
        this.deadlines = new Deadlines(task.clock(), due -> expire(task, due));
        TimeoutEvents.ALL.forEach(task::register);
    }

    @Override
    public Object around(Invocation invocation) throws Exception {
        TaskContext task = context;
        if (task == null) {
            throw new IllegalStateException("timeout plugin used before attach(task)");
        }
        CallScope scope = invocation.scope();
        ScopeDeadline deadline = scope.state(ScopeDeadline::new);
        // Outside a retry the scope spans several attempts: only its first entry sets the timer.
        if (deadline.arm()) {
            long due = scope.startNanos() + limitNanos;
            // A limit so long that the sum overflows is never due.
            deadlines.add(new Deadlines.Entry(due < scope.startNanos() ? Long.MAX_VALUE : due, scope,
                    invocation.call(), deadline));
        }
        Throwable thrown = null;
        try {
            return invocation.proceed();
        } catch (Throwable t) {
            thrown = t;
            throw t;
        } finally {
            if (deadline.expired() && !isInterruption(thrown)) {
                reportIgnored(task, invocation.call(), scope);
            }
        }
    }

    /** Runs on the clock's timer thread: fail the scope, then tell the loop. */
    private void expire(TaskContext task, Deadlines.Entry due) {
        CallScope scope = due.scope();
        ScopeDeadline deadline = due.deadline();
        TaskFuture<?> call = due.call();
        if (scope.isEnded()) {
            return;
        }
        Duration elapsed = Duration.ofNanos(task.clock().nanoTime() - scope.startNanos());
        // Marked before fail() interrupts the worker, so the worker's finally block sees it.
        deadline.expired(true);
        boolean ended = scope.fail(new TaskTimeoutException(config.limit(), elapsed), config.interrupt(), () -> {
            // Announced as the scope ends, so 'timeout' reaches the loop before the call's end.
            timedOut.incrementAndGet();
            task.emit(TimeoutEvents.TIMEOUT, new TimeoutEvent(call.id(), call.taskName(), config.limit(), elapsed));
        });
        if (ended) {
            return;
        }
        deadline.expired(false);
        if (!scope.isEnded()) {
            // The scope is between an attempt's end and the loop's decision on it (retry or not), where
            // the core refuses a failure; look again shortly rather than let the call run unbounded.
            deadlines.add(new Deadlines.Entry(task.clock().nanoTime() + RECHECK.toNanos(), scope, call, deadline));
        }
    }

    private void reportIgnored(TaskContext task, TaskFuture<?> call, CallScope scope) {
        ignored.incrementAndGet();
        Duration ranFor = Duration.ofNanos(task.clock().nanoTime() - scope.startNanos());
        task.emit(TimeoutEvents.TIMEOUT_IGNORED, new TimeoutIgnoredEvent(call.id(), call.taskName(), ranFor));
    }

    /** Whether an attempt ended by honouring the interrupt: JDK code signals it in these three ways. */
    static boolean isInterruption(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException
                    || t instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void describe(Panel panel) {
        panel.row("Limit", Durations.format(config.limit()))
                .row("Timed out", timedOut.get())
                .row("Ignored interrupt", ignored.get());
    }

    long timedOutCount() {
        return timedOut.get();
    }

    long ignoredCount() {
        return ignored.get();
    }

    int deadlinesHeld() {
        return deadlines.size();
    }
}
