package dev.weft.core.engine;

import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import dev.weft.api.PluginException;
import java.time.Duration;
import java.util.Objects;

/**
 * One plugin's view of the scheduler's clock. A timer action that throws is reported as that
 * plugin's fault, a {@code plugin-error} event for hook {@code timer}: the system clock's timer
 * thread would keep the exception in a future nobody reads, and the mistake would go unseen.
 */
final class PluginClock implements Clock {

    private final Clock clock;
    private final Engine engine;
    private final String task;
    private final String plugin;

    PluginClock(Clock clock, Engine engine, String task, String plugin) {
        this.clock = clock;
        this.engine = engine;
        this.task = task;
        this.plugin = plugin;
    }

    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Objects.requireNonNull(action, "action");
        return clock.schedule(delay, () -> {
            try {
                action.run();
            } catch (Throwable e) {
                if (Faults.isFatal(e)) {
                    throw (Error) e;
                }
                engine.pluginError(task, plugin, "timer", new PluginException(plugin, "timer", "threw " + e, e));
            }
        });
    }

    @Override
    public String toString() {
        return clock.toString();
    }
}
