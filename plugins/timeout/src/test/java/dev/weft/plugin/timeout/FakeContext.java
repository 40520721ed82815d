package dev.weft.plugin.timeout;

import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import dev.weft.api.EventType;
import dev.weft.api.On;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A task context for unit tests: records registrations and emissions (from any thread). */
final class FakeContext implements TaskContext {

    /** One emission. */
    record Emitted(EventType<?> type, Record payload) {
    }

    final FakeClock clock = new FakeClock();
    final List<EventType<?>> registered = new ArrayList<>();
    final List<Emitted> emitted = new CopyOnWriteArrayList<>();

    @Override
    public TaskView task() {
        return new TaskView() {
            @Override
            public String name() {
                return "job";
            }

            @Override
            public String ref() {
                return "Task-job-test";
            }

            @Override
            public int queued() {
                return 0;
            }

            @Override
            public int runningCount() {
                return 0;
            }
        };
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
        throw new UnsupportedOperationException();
    }

    @Override
    public void onAny(java.util.function.BiConsumer<EventType<?>, Record> listener) {
        // Plugin unit tests emit directly; nothing here observes every event.
    }

    @Override
    public <T extends Record> void onScheduler(EventType<T> type, Consumer<? super T> handler, On options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T extends Record> void emit(EventType<T> type, T payload) {
        emitted.add(new Emitted(type, payload));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Cancellable callLater(Duration delay, Runnable action) {
        throw new UnsupportedOperationException();
    }

    <T extends Record> List<T> payloads(EventType<T> type) {
        return emitted.stream().filter(e -> e.type().equals(type)).map(e -> type.cast(e.payload())).toList();
    }
}
