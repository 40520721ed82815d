package dev.weft.plugin.trace;

import dev.weft.api.EventType;
import dev.weft.api.Signal;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskPlugin;

/**
 * Wakes the scheduler's loop from the test thread by emitting an event through the inbox.
 *
 * <p>Works around a core race: {@code Engine.attemptEnded} posts an attempt's outcome before it
 * lowers the count of active attempts, so a shutdown that reads the count in between waits in
 * {@code takeJob()} for a post that never comes. Remove once the core lowers the count first.
 */
final class LoopPoke implements TaskPlugin {

    private static final EventType<Signal> POKE = EventType.of("test-poke", Signal.class);

    private volatile TaskContext context;

    @Override
    public String name() {
        return "test-poke";
    }

    @Override
    public void attach(TaskContext task) {
        task.register(POKE);
        context = task;
    }

    void poke() {
        TaskContext task = context;
        if (task != null) {
            task.emit(POKE, Signal.INSTANCE);
        }
    }
}
