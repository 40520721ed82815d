package dev.weft.plugin.limiter;

import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import dev.weft.api.EventType;
import dev.weft.api.On;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A task context that records what the plugin registers, subscribes and emits. */
final class FakeTaskContext implements TaskContext {

    final FakeTask self;
    final Map<String, FakeTask> others = new HashMap<>();
    final Set<EventType<?>> registered = new LinkedHashSet<>();
    final List<Record> emitted = new ArrayList<>();
    private final Map<EventType<?>, List<Consumer<Object>>> handlers = new HashMap<>();
    final List<On> subscriptionOptions = new ArrayList<>();

    FakeTaskContext(String name) {
        this.self = new FakeTask(name);
    }

    FakeTask addTask(String name) {
        FakeTask task = new FakeTask(name);
        others.put(name, task);
        return task;
    }

    /** Delivers an event to the handlers the plugin subscribed. */
    <T extends Record> void fire(EventType<T> type, T payload) {
        handlers.getOrDefault(type, List.of()).forEach(h -> h.accept(payload));
    }

    @Override
    public TaskView task() {
        return self;
    }

    @Override
    public Optional<TaskView> task(String name) {
        return name.equals(self.name()) ? Optional.of(self) : Optional.ofNullable(others.get(name));
    }

    @Override
    public void register(EventType<?> type) {
        registered.add(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Record> void on(EventType<T> type, Consumer<? super T> handler, On options) {
        handlers.computeIfAbsent(type, t -> new ArrayList<>()).add(p -> handler.accept((T) p));
        subscriptionOptions.add(options);
    }

    @Override
    public <T extends Record> void onScheduler(EventType<T> type, Consumer<? super T> handler, On options) {
        throw new UnsupportedOperationException("the call-limiter needs no scheduler events");
    }

    @Override
    public void onAny(BiConsumer<EventType<?>, Record> listener) {
        throw new UnsupportedOperationException("the plugin listens to no other events");
    }

    @Override
    public <T extends Record> void emit(EventType<T> type, T payload) {
        if (!registered.contains(type)) {
            throw new IllegalStateException(type + " emitted before it was registered");
        }
        emitted.add(type.cast(payload));
    }

    @Override
    public Clock clock() {
        throw new UnsupportedOperationException("the call-limiter reads no time");
    }

    @Override
    public Cancellable callLater(Duration delay, Runnable action) {
        throw new UnsupportedOperationException("the call-limiter sets no timers");
    }
}
