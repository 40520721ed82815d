package dev.weft.testkit;

import dev.weft.api.Cancellable;
import dev.weft.api.EventType;
import dev.weft.api.On;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskView;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A task's context ({@link TaskContext}), for {@code attach}, that records what the plugin
 * registers, subscribes and emits, and lets the test deliver events to the plugin's handlers.
 *
 * <p>It behaves as a task of a scheduler whose loop is the calling thread:
 * <ul>
 *   <li>{@link #emit} requires a registered type, records the payload, then runs the handlers
 *       subscribed to that type and the {@link #onAny} listeners, at once, on the calling thread;</li>
 *   <li>{@link #fire} delivers an event the plugin did not emit (the task's {@code submitted}, say)
 *       the same way, without recording it; {@link #fireScheduler} does so for the scheduler's events;</li>
 *   <li>{@link #clock()} is a {@link FakeClock}, and {@link #callLater} sets a timer on it: the
 *       action runs when the test advances the clock;</li>
 *   <li>{@link #task()} is a {@link FakeTaskView}; other tasks are added with {@link #addTask}.</li>
 * </ul>
 * Subscription options ({@link On}) are recorded, not applied: every handler sees every delivery.
 *
 * <h2>Threading</h2>
 * Thread-safe: a plugin may emit from a worker or a timer. Handlers run on the thread that
 * emits or fires.
 *
 * @since 0.1
 */
public final class FakeTaskContext implements TaskContext {

    /**
     * One subscription the plugin made.
     *
     * @param type the event subscribed to; never {@code null}
     * @param options the options it gave; never {@code null}
     */
    public record Subscription(EventType<?> type, On options) {
        /** Checks the arguments. */
        public Subscription {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(options, "options");
        }
    }

    /**
     * One event the plugin emitted.
     *
     * @param type its type; never {@code null}
     * @param payload its payload; never {@code null}
     */
    public record Emission(EventType<?> type, Record payload) {
        /** Checks the arguments. */
        public Emission {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(payload, "payload");
        }
    }

    private final FakeTaskView self;
    private final FakeClock clock = new FakeClock();
    private final Map<String, FakeTaskView> others = new ConcurrentHashMap<>();
    private final List<EventType<?>> registered = new CopyOnWriteArrayList<>();
    private final List<Emission> emissions = new CopyOnWriteArrayList<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Subscription> schedulerSubscriptions = new CopyOnWriteArrayList<>();
    private final Handlers handlers = new Handlers();
    private final Handlers schedulerHandlers = new Handlers();
    private final List<BiConsumer<EventType<?>, Record>> anyListeners = new CopyOnWriteArrayList<>();

    /**
     * Creates the context of an idle task, with a clock reading zero.
     *
     * @param taskName the task's name; never {@code null}
     */
    public FakeTaskContext(String taskName) {
        this.self = new FakeTaskView(taskName);
    }

    /** @return the task the plugin joined, whose counts the test sets */
    @Override
    public FakeTaskView task() {
        return self;
    }

    /**
     * Finds this task or one added with {@link #addTask}.
     *
     * @param name the task's name; never {@code null}
     * @return the task, if there is one of that name
     */
    @Override
    public Optional<TaskView> task(String name) {
        Objects.requireNonNull(name, "name");
        return name.equals(self.name()) ? Optional.of(self) : Optional.ofNullable(others.get(name));
    }

    /**
     * Adds another task of the scheduler, for {@link #task(String)} to find.
     *
     * @param name its name; never {@code null}
     * @return the new task, idle
     * @throws IllegalArgumentException if a task of that name exists
     */
    public FakeTaskView addTask(String name) {
        FakeTaskView task = new FakeTaskView(name);
        if (name.equals(self.name()) || others.putIfAbsent(name, task) != null) {
            throw new IllegalArgumentException("there already is a task named '" + name + "'");
        }
        return task;
    }

    /**
     * Records the type. Registering it again has no effect.
     *
     * @param type the event type; never {@code null}
     * @throws IllegalArgumentException if another type of the same name is registered
     */
    @Override
    public synchronized void register(EventType<?> type) {
        Objects.requireNonNull(type, "type");
        for (EventType<?> known : registered) {
            if (known.equals(type)) {
                return;
            }
            if (known.name().equals(type.name())) {
                throw new IllegalArgumentException("the task already has an event named '" + type.name() + "'");
            }
        }
        registered.add(type);
    }

    @Override
    public <T extends Record> void on(EventType<T> type, Consumer<? super T> handler, On options) {
        subscriptions.add(new Subscription(type, options));
        handlers.add(type, Objects.requireNonNull(handler, "handler"));
    }

    @Override
    public void onAny(BiConsumer<EventType<?>, Record> listener) {
        anyListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public <T extends Record> void onScheduler(EventType<T> type, Consumer<? super T> handler, On options) {
        schedulerSubscriptions.add(new Subscription(type, options));
        schedulerHandlers.add(type, Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Records the event, then delivers it as {@link #fire} does.
     *
     * @param type a registered event type; never {@code null}
     * @param payload the payload; never {@code null}
     * @param <T> the payload type
     * @throws IllegalArgumentException if the type was not registered, as the scheduler throws
     */
    @Override
    public <T extends Record> void emit(EventType<T> type, T payload) {
        Objects.requireNonNull(type, "type");
        if (!registered.contains(type)) {
            throw new IllegalArgumentException("the task has no event '" + type.name() + "': " + type
                    + " was emitted before it was registered");
        }
        T checked = type.cast(payload);
        emissions.add(new Emission(type, checked));
        fire(type, checked);
    }

    /**
     * Delivers one of the task's events as if the scheduler or another plugin emitted it: runs
     * the handlers subscribed to its type, in subscription order, then the {@link #onAny}
     * listeners, on this thread. It is not recorded as emitted.
     *
     * @param type the event type; never {@code null}
     * @param payload the payload; never {@code null}
     * @param <T> the payload type
     */
    public <T extends Record> void fire(EventType<T> type, T payload) {
        T checked = type.cast(payload);
        handlers.deliver(type, checked);
        for (BiConsumer<EventType<?>, Record> listener : anyListeners) {
            listener.accept(type, checked);
        }
    }

    /**
     * Delivers one of the scheduler's events ({@code SchedulerEvents}) to the handlers the plugin
     * subscribed to it with {@link #onScheduler}, in subscription order, on this thread.
     *
     * @param type the event type; never {@code null}
     * @param payload the payload; never {@code null}
     * @param <T> the payload type
     */
    public <T extends Record> void fireScheduler(EventType<T> type, T payload) {
        schedulerHandlers.deliver(type, type.cast(payload));
    }

    /** @return the clock, which moves only when the test advances it */
    @Override
    public FakeClock clock() {
        return clock;
    }

    /**
     * Sets a timer on the {@link #clock()}: the action runs on the thread that advances the clock
     * past the delay.
     *
     * @param delay the delay; never {@code null}
     * @param action the action; never {@code null}
     * @return a handle that calls it off
     */
    @Override
    public Cancellable callLater(Duration delay, Runnable action) {
        return clock.schedule(delay, action);
    }

    /**
     * The event types the plugin registered, in the order it registered them, each once.
     *
     * @return a live, read-only view
     */
    public List<EventType<?>> registered() {
        return Collections.unmodifiableList(registered);
    }

    /**
     * Every payload the plugin emitted, in order, whatever its type.
     *
     * @return a snapshot
     */
    public List<Record> emitted() {
        return emissions.stream().map(Emission::payload).toList();
    }

    /**
     * The payloads the plugin emitted of one type, in order.
     *
     * @param type the event type; never {@code null}
     * @param <T> the payload type
     * @return a snapshot
     */
    public <T extends Record> List<T> emitted(EventType<T> type) {
        Objects.requireNonNull(type, "type");
        return emissions.stream().filter(e -> e.type().equals(type)).map(e -> type.cast(e.payload())).toList();
    }

    /**
     * Every event the plugin emitted, with its type, in order.
     *
     * @return a live, read-only view
     */
    public List<Emission> emissions() {
        return Collections.unmodifiableList(emissions);
    }

    /**
     * The plugin's subscriptions to the task's events ({@link #on}), in order.
     *
     * @return a live, read-only view
     */
    public List<Subscription> subscriptions() {
        return Collections.unmodifiableList(subscriptions);
    }

    /**
     * The plugin's subscriptions to the scheduler's events ({@link #onScheduler}), in order.
     *
     * @return a live, read-only view
     */
    public List<Subscription> schedulerSubscriptions() {
        return Collections.unmodifiableList(schedulerSubscriptions);
    }

    /**
     * How many listeners the plugin added with {@link #onAny}.
     *
     * @return the number of listeners
     */
    public int anyListenerCount() {
        return anyListeners.size();
    }

    @Override
    public String toString() {
        return "FakeTaskContext[" + self.name() + ", " + registered.size() + " registered, "
                + emissions.size() + " emitted]";
    }

    /** Handlers by event type, in subscription order. */
    private static final class Handlers {

        private final Map<EventType<?>, List<Consumer<Object>>> byType = new ConcurrentHashMap<>();

        @SuppressWarnings("unchecked")
        <T extends Record> void add(EventType<T> type, Consumer<? super T> handler) {
            byType.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(p -> handler.accept((T) p));
        }

        void deliver(EventType<?> type, Record payload) {
            for (Consumer<Object> handler : byType.getOrDefault(type, List.of())) {
                handler.accept(payload);
            }
        }
    }
}
