package dev.weft.api;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a plugin may do with the task it joins, given to {@link TaskPlugin#attach}.
 *
 * <p>Keep it: it stays valid for the task's life. Not intended to be implemented by clients.
 *
 * @since 0.1
 */
public interface TaskContext {

    /** @return the task this plugin joined */
    TaskView task();

    /**
     * Finds another task of the same scheduler by name.
     *
     * @param name the task's name; never {@code null}
     * @return the task, if the scheduler has one of that name now
     */
    Optional<TaskView> task(String name);

    /**
     * Adds an event type to the task: it is counted, shown in the event tree and can be
     * subscribed to by name. Registering the same type twice has no effect.
     *
     * @param type the event type; never {@code null}
     * @throws IllegalArgumentException if the task already has another event of that name
     */
    void register(EventType<?> type);

    /**
     * Subscribes to one of the task's events (its own or a plugin's). The handler runs on the
     * loop thread.
     *
     * @param type a registered event type; never {@code null}
     * @param handler the callback; never {@code null}
     * @param options the subscription options, usually {@link On#hiddenHandler()}; never {@code null}
     * @param <T> the payload type
     */
    <T extends Record> void on(EventType<T> type, Consumer<? super T> handler, On options);

    /**
     * Listens to every event of the task, its own and every plugin's, including event types
     * registered after this call (plugins inside this one attach later). The listener runs on
     * the loop thread after the event's handlers; it is never shown in the event tree. Use it to
     * observe what other plugins decide without knowing their types, as a tracer does.
     *
     * @param listener gets each event's type and payload; never {@code null}
     */
    void onAny(BiConsumer<EventType<?>, Record> listener);

    /**
     * Subscribes to one of the scheduler's events ({@link SchedulerEvents}).
     *
     * @param type the event type; never {@code null}
     * @param handler the callback; never {@code null}
     * @param options the subscription options; never {@code null}
     * @param <T> the payload type
     */
    <T extends Record> void onScheduler(EventType<T> type, Consumer<? super T> handler, On options);

    /**
     * Emits one of the task's events. From the loop thread the handlers run at once; from any
     * other thread the emission is queued to the loop, in order.
     *
     * @param type a registered event type; never {@code null}
     * @param payload the payload; never {@code null}
     * @param <T> the payload type
     * @throws IllegalArgumentException if the task has no event of that name, or one carrying
     *     another payload type; thrown on the calling thread, before anything is queued
     */
    <T extends Record> void emit(EventType<T> type, T payload);

    /**
     * @return the scheduler's clock: read time and set timers through it only. A timer action
     *     that throws is reported as this plugin's fault, a {@code plugin-error} event for hook
     *     {@code timer}
     */
    Clock clock();

    /**
     * Runs an action on the loop thread after a delay, if the scheduler is still running then.
     *
     * @param delay the delay; never {@code null}
     * @param action the action; never {@code null}
     * @return a handle that calls it off
     */
    Cancellable callLater(Duration delay, Runnable action);
}
