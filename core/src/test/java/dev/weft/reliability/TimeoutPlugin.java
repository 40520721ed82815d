package dev.weft.reliability;

import dev.weft.api.Cancellable;
import dev.weft.api.CallScope;
import dev.weft.api.Invocation;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskPlugin;
import dev.weft.api.TaskTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fails its scope when it runs past a limit, on the scheduler's clock, from the scope's first
 * entry; remembers, per call, how many times it did (the oracle for timeouts).
 */
final class TimeoutPlugin implements TaskPlugin {

    private final Duration limit;
    private final Map<Long, Integer> fired = new ConcurrentHashMap<>();
    private TaskContext context;

    TimeoutPlugin(Duration limit) {
        this.limit = limit;
    }

    @Override
    public String name() {
        return "chaos-timeout";
    }

    @Override
    public void attach(TaskContext task) {
        context = task;
        task.register(ChaosEvents.TIMED_OUT);
    }

    @Override
    public Object around(Invocation invocation) throws Exception {
        CallScope scope = invocation.scope();
        long call = invocation.call().id();
        scope.state(() -> {
            Cancellable timer = context.clock().schedule(limit, () -> {
                Duration ran = Duration.ofNanos(context.clock().nanoTime() - scope.startNanos());
                if (scope.fail(new TaskTimeoutException(limit, ran), true)) {
                    fired.merge(call, 1, Integer::sum);
                    context.emit(ChaosEvents.TIMED_OUT, new ChaosEvents.TimedOut(call));
                }
            });
            scope.onEnd(timer::cancel);
            return timer;
        });
        return invocation.proceed();
    }

    /** @return how many times this plugin failed a scope of the call */
    int firedFor(long call) {
        return fired.getOrDefault(call, 0);
    }

    long firedTotal() {
        return fired.values().stream().mapToLong(Integer::longValue).sum();
    }
}
