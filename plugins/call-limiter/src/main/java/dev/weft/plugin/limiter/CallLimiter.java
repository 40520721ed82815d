package dev.weft.plugin.limiter;

import dev.weft.api.On;
import dev.weft.api.OptionException;
import dev.weft.api.Panel;
import dev.weft.api.Submission;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskEvents;
import dev.weft.api.TaskPlugin;
import dev.weft.api.TaskView;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The call-limiter of one task. */
final class CallLimiter implements TaskPlugin {

    private static final System.Logger LOG = System.getLogger(CallLimiter.class.getName());

    private final CallLimiterConfig config;
    // Atomic although hooks run on the loop: describe() may be called from any thread.
    private final AtomicInteger calls = new AtomicInteger();
    private final Set<String> warnedUnknown = ConcurrentHashMap.newKeySet();
    private volatile TaskContext context;

    CallLimiter(CallLimiterConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return CallLimiterFactory.NAME;
    }

    @Override
    public void attach(TaskContext task) {
        String self = task.task().name();
        if (config.notWhileRunning().contains(self)) {
            throw new OptionException(CallLimiterConfig.NOT_WHILE_RUNNING, "option '"
                    + CallLimiterConfig.NOT_WHILE_RUNNING + "' of task '" + self + "' names the task itself");
        }
        LimiterEvents.ALL.forEach(task::register);
        // Counting submitted calls (not accepted ones) is AMLTK's rule: a call a later plugin
        // vetoes does not count, and retries never emit submitted, so they do not count either.
        task.on(TaskEvents.SUBMITTED, e -> calls.incrementAndGet(), On.hiddenHandler());
        context = task;
    }

    @Override
    public void beforeSubmit(Submission submission) {
        String task = submission.task().name();
        Object argument = submission.argument();
        OptionalInt maxCalls = config.maxCalls();
        if (maxCalls.isPresent() && calls.get() >= maxCalls.getAsInt()) {
            context.emit(LimiterEvents.CALL_LIMIT_REACHED, new CallLimitReachedEvent(task, argument));
            submission.veto("max-calls " + maxCalls.getAsInt() + " reached");
            return;
        }
        OptionalInt maxConcurrent = config.maxConcurrent();
        // queued(), not runningCount(): AMLTK counts len(task.queue), so calls waiting for a
        // worker or for a retry hold their place.
        if (maxConcurrent.isPresent() && submission.task().queued() >= maxConcurrent.getAsInt()) {
            context.emit(LimiterEvents.CONCURRENT_LIMIT_REACHED, new ConcurrentLimitReachedEvent(task, argument));
            submission.veto("max-concurrent " + maxConcurrent.getAsInt() + " reached");
            return;
        }
        for (String other : config.notWhileRunning()) {
            if (lookUp(other).map(TaskView::running).orElse(false)) {
                context.emit(LimiterEvents.DISABLED_DUE_TO_RUNNING_TASK,
                        new DisabledDueToRunningTaskEvent(other, task, argument));
                submission.veto("task '" + other + "' is running");
                return;
            }
        }
    }

    /**
     * Finds a not-while task. An unknown name does not block: the task may simply not be
     * created yet, and a typo should not silently disable this task for good. It is logged
     * once so that a typo is still noticed.
     */
    private Optional<TaskView> lookUp(String other) {
        Optional<TaskView> found = context.task(other);
        if (found.isEmpty() && warnedUnknown.add(other)) {
            LOG.log(System.Logger.Level.WARNING, () -> "call-limiter of task '" + context.task().name()
                    + "': not-while-running names '" + other
                    + "', which is not a task of this scheduler; treating it as not running");
        }
        return found;
    }

    @Override
    public void describe(Panel panel) {
        TaskContext task = context;
        panel.row("Calls", calls.get() + "/" + limit(config.maxCalls()));
        panel.row("Concurrent", (task == null ? 0 : task.task().queued()) + "/" + limit(config.maxConcurrent()));
        // One label per task: a panel may keep rows by label, so a shared label would lose rows.
        for (String other : config.notWhileRunning()) {
            Optional<TaskView> found = task == null ? Optional.empty() : task.task(other);
            panel.row("Not while " + other, found.map(t -> t.running() ? "running" : "not running")
                    .orElse("(no such task)"));
        }
    }

    private static String limit(OptionalInt limit) {
        return limit.isPresent() ? String.valueOf(limit.getAsInt()) : "unlimited";
    }

    @Override
    public String toString() {
        return "call-limiter" + config;
    }
}
