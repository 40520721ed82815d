package dev.weft.bench.jmh;

import dev.weft.api.EventType;
import dev.weft.api.Signal;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskPlugin;

/**
 * A test plugin whose only job is to emit its own event through {@link TaskContext#emit}, the
 * way a real plugin reports a decision.
 */
public final class EmitterPlugin implements TaskPlugin {

    /** The plugin's event; {@link Signal} so that no payload is allocated per emission. */
    public static final EventType<Signal> PING = EventType.of("ping", Signal.class);

    private TaskContext context;

    @Override
    public String name() {
        return "emitter";
    }

    @Override
    public void attach(TaskContext task) {
        task.register(PING);
        context = task;
    }

    /**
     * Emits {@link #PING} {@code times} times; call it on the loop thread, where handlers run at once.
     *
     * @param times how many emissions
     */
    public void emit(int times) {
        for (int i = 0; i < times; i++) {
            context.emit(PING, Signal.INSTANCE);
        }
    }
}
