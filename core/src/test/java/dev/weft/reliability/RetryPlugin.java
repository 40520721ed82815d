package dev.weft.reliability;

import dev.weft.api.Failure;
import dev.weft.api.PluginException;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskPlugin;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Retries any failure but a plugin fault, up to a number of attempts per scope; odd calls
 * retry at once, even ones after a millisecond, so some cancels and stops meet a pending retry.
 */
final class RetryPlugin implements TaskPlugin {

    private final int maxAttempts;
    private final LoopGuard guard;
    private TaskContext context;

    RetryPlugin(int maxAttempts, LoopGuard guard) {
        this.maxAttempts = maxAttempts;
        this.guard = guard;
    }

    @Override
    public String name() {
        return "chaos-retry";
    }

    @Override
    public void attach(TaskContext task) {
        context = task;
        task.register(ChaosEvents.RETRYING);
    }

    @Override
    public void onFailure(Failure failure) {
        guard.onLoop();
        if (failure.error() instanceof PluginException) {
            return;
        }
        AtomicInteger made = failure.scope().state(() -> new AtomicInteger(1));
        if (made.get() < maxAttempts) {
            context.emit(ChaosEvents.RETRYING, new ChaosEvents.Retrying(failure.call().id(), made.get()));
            made.incrementAndGet();
            failure.retryAfter(failure.call().id() % 2 == 1 ? Duration.ZERO : Duration.ofMillis(1));
        }
    }
}
