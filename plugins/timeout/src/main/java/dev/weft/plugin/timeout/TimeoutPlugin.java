package dev.weft.plugin.timeout;

import dev.weft.api.CallScope;
import dev.weft.api.Cancellable;
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
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private volatile TaskContext context;

    TimeoutPlugin(TimeoutConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return TimeoutPluginFactory.NAME;
    }

    @Override
    public void attach(TaskContext task) {
        this.context = task;
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
            startTimer(task, invocation.call(), scope, deadline);
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

    private void startTimer(TaskContext task, TaskFuture<?> call, CallScope scope, ScopeDeadline deadline) {
        long alreadyRan = Math.max(0, task.clock().nanoTime() - scope.startNanos());
        setTimer(task, call, scope, deadline, config.limit().minusNanos(alreadyRan));
    }

    private void setTimer(TaskContext task, TaskFuture<?> call, CallScope scope, ScopeDeadline deadline,
            Duration delay) {
        Cancellable timer = task.clock().schedule(delay, () -> expire(task, call, scope, deadline));
        scope.onEnd(timer::cancel);
    }

    /** Runs on the clock's timer thread: fail the scope, then tell the loop. */
    private void expire(TaskContext task, TaskFuture<?> call, CallScope scope, ScopeDeadline deadline) {
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
            setTimer(task, call, scope, deadline, RECHECK);
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
}
