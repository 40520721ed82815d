package dev.weft.core.engine;

import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import dev.weft.api.EventType;
import dev.weft.api.On;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** What one plugin of one task may do; remembers what it added so a failed attach can be undone. */
final class PluginContext implements TaskContext {

    private final Engine engine;
    private final TaskRuntime task;
    private final String location;
    private final Clock clock;
    private final List<String> registered = new ArrayList<>();

    PluginContext(Engine engine, TaskRuntime task, String plugin) {
        this.engine = engine;
        this.task = task;
        this.location = "plugin " + plugin;
        this.clock = new PluginClock(engine.clock(), engine, task.name(), plugin);
    }

    @Override
    public TaskView task() {
        return task;
    }

    @Override
    public Optional<TaskView> task(String name) {
        Objects.requireNonNull(name, "name");
        return engine.findTask(name).map(t -> t);
    }

    @Override
    public void register(EventType<?> type) {
        boolean known = task.bus().knows(type.name());
        task.bus().register(type);
        if (!known) {
            registered.add(type.name());
        }
    }

    @Override
    public <T extends Record> void on(EventType<T> type, Consumer<? super T> handler, On options) {
        task.bus().subscribe(type, handler, options, location, this);
    }

    @Override
    public void onAny(BiConsumer<EventType<?>, Record> listener) {
        task.bus().listen(listener, this);
    }

    @Override
    public <T extends Record> void onScheduler(EventType<T> type, Consumer<? super T> handler, On options) {
        engine.bus().subscribe(type, handler, options, location, this);
    }

    @Override
    public <T extends Record> void emit(EventType<T> type, T payload) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        // Checked here: from a worker the emission is queued, and failing in the loop's job would end the run.
        task.bus().requireEmittable(type);
        engine.emit(task.bus(), type, payload);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Cancellable callLater(Duration delay, Runnable action) {
        return engine.callLater(delay, action);
    }

    List<String> registered() {
        return List.copyOf(registered);
    }

    void undo() {
        task.bus().removeOwnedBy(this, registered);
        engine.bus().removeOwnedBy(this, List.of());
    }
}
