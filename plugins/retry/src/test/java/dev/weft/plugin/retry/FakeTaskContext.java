package dev.weft.plugin.retry;

import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import dev.weft.api.EventType;
import dev.weft.api.On;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A task context that records what the plugin registers and emits. */
final class FakeTaskContext implements TaskContext {

    final FakeClock clock = new FakeClock();
    final Set<EventType<?>> registered = new LinkedHashSet<>();
    final List<Record> emitted = new ArrayList<>();

    @Override
    public TaskView task() {
        throw new UnsupportedOperationException("retry needs no task view");
    }

    @Override
    public Optional<TaskView> task(String name) {
        return Optional.empty();
    }

    @Override
    public void register(EventType<?> type) {
        registered.add(type);
    }

    @Override
    public <T extends Record> void on(EventType<T> type, Consumer<? super T> handler, On options) {
        throw new UnsupportedOperationException("retry subscribes to nothing");
    }

    @Override
    public <T extends Record> void onScheduler(EventType<T> type, Consumer<? super T> handler, On options) {
        throw new UnsupportedOperationException("retry subscribes to nothing");
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
        return clock;
    }

    @Override
    public Cancellable callLater(Duration delay, Runnable action) {
        throw new UnsupportedOperationException("retry schedules through Failure.retryAfter");
    }
}
