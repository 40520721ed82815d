package dev.weft;

import dev.weft.api.EventType;
import dev.weft.api.ExceptionEvent;
import dev.weft.api.FutureEvent;
import dev.weft.api.On;
import dev.weft.api.ResultEvent;
import dev.weft.api.SubmittedEvent;
import dev.weft.api.TaskEvents;
import dev.weft.api.TaskFuture;
import dev.weft.api.TaskPlugin;
import dev.weft.core.engine.Engine;
import dev.weft.core.engine.PluginSlot;
import dev.weft.core.engine.TaskRuntime;
import dev.weft.core.event.Locations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A function the scheduler runs on its executor, with events for each call's life and a chain
 * of plugins that shape every call. Made by {@link Scheduler#task}.
 *
 * <h2>Events</h2>
 * {@code submitted}, {@code done}, {@code result}, {@code exception}, {@code cancelled}
 * ({@link TaskEvents}), plus any its plugins register. Each call ends in exactly one of
 * {@code result}, {@code exception} and {@code cancelled}. Handlers run on the scheduler's loop
 * thread, in subscription order.
 *
 * <h2>Threading</h2>
 * {@link #submit} and subscribing are safe from any thread.
 *
 * @param <A> the argument type
 * @param <R> the result type
 * @since 0.1
 */
public final class Task<A, R> {

    private final Engine engine;
    private final TaskRuntime runtime;
    private final TaskFunction<A, R> function;

    Task(Engine engine, TaskRuntime runtime, TaskFunction<A, R> function) {
        this.engine = engine;
        this.runtime = runtime;
        this.function = function;
    }

    /** @return the task's name, unique within its scheduler */
    public String name() {
        return runtime.name();
    }

    /** @return a unique reference such as {@code Task-double-5eEmRRtG} */
    public String ref() {
        return runtime.ref();
    }

    /**
     * Submits a call: asks each plugin's {@code beforeSubmit} in chain order, then hands the call
     * to the executor. The call's {@code future-submitted} and {@code submitted} events have fired
     * when this returns; its end is always delivered later, on the loop.
     *
     * @param argument the argument; may be {@code null}
     * @return the call, or empty if a plugin vetoed it (the plugin emitted its event saying why)
     * @throws SchedulerNotRunningException if the scheduler is not running
     */
    @SuppressWarnings("unchecked")
    public Optional<TaskFuture<R>> submit(A argument) {
        // A cast, not map(): an Optional is immutable and a Call is a TaskFuture, so the engine's
        // Optional serves as it is, without a second one per call.
        return (Optional<TaskFuture<R>>) (Optional<?>) engine.submit(runtime, argument);
    }

    /**
     * Runs the function directly on this thread: not scheduled, no plugins, no events.
     *
     * @param argument the argument; may be {@code null}
     * @return what the function returned
     * @throws Exception what the function threw
     */
    public R call(A argument) throws Exception {
        return function.apply(argument);
    }

    /**
     * Adds a plugin at the inner end of the chain; it shapes calls submitted from now on.
     *
     * @param plugin the plugin; never {@code null}
     * @throws dev.weft.api.PluginException if its {@code attach} throws (it is then not added)
     */
    public void attach(TaskPlugin plugin) {
        Objects.requireNonNull(plugin, "plugin");
        runtime.attach(new PluginSlot(plugin.name(), plugin));
    }

    /** @return the names of the plugins in the chain, outer to inner */
    public List<String> plugins() {
        List<String> names = new ArrayList<>();
        runtime.plugins().forEach(p -> names.add(p.name()));
        return names;
    }

    /** @return the names of the task's events (its own, then its plugins'), in order */
    public List<String> events() {
        List<String> names = new ArrayList<>();
        runtime.bus().types().forEach(t -> names.add(t.name()));
        return names;
    }

    /**
     * Subscribes to one of the task's events, its own or a plugin's.
     *
     * @param type the event type; never {@code null}
     * @param handler the callback; never {@code null}
     * @param <T> the payload type
     * @throws IllegalArgumentException if the task has no such event
     */
    public <T extends Record> void on(EventType<T> type, Consumer<? super T> handler) {
        on(type, handler, On.defaults());
    }

    /**
     * Subscribes to one of the task's events with options.
     *
     * @param type the event type; never {@code null}
     * @param handler the callback; never {@code null}
     * @param options when, every, repeat, maxCalls, hidden; never {@code null}
     * @param <T> the payload type
     * @throws IllegalArgumentException if the task has no such event
     */
    public <T extends Record> void on(EventType<T> type, Consumer<? super T> handler, On options) {
        runtime.bus().subscribe(type, handler, options, Locations.caller(), this);
    }

    /**
     * Subscribes by name to any event the task knows, including those its plugins registered.
     * Read the payload's fields with {@link EventType#fieldsOf(Record)}.
     *
     * @param event the event's name, such as {@code call-limit-reached}; never {@code null}
     * @param handler the callback; never {@code null}
     * @throws IllegalArgumentException if the task has no such event; the message lists the known ones
     */
    public void on(String event, Consumer<? super Record> handler) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(handler, "handler");
        on(event, handler, On.defaults());
    }

    /**
     * Subscribes by name with options.
     *
     * @param event the event's name; never {@code null}
     * @param handler the callback; never {@code null}
     * @param options when, every, repeat, maxCalls, hidden; never {@code null}
     * @throws IllegalArgumentException if the task has no such event; the message lists the known ones
     */
    public void on(String event, Consumer<? super Record> handler, On options) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        runtime.bus().subscribe(event, handler, options, Locations.caller(), this);
    }

    /** @param handler gets each submitted call @param options subscription options */
    public void onSubmitted(Consumer<TaskFuture<R>> handler, On... options) {
        Objects.requireNonNull(handler, "handler");
        subscribe(TaskEvents.SUBMITTED, (SubmittedEvent e) -> handler.accept(cast(e.future())), options);
    }

    /** @param handler gets each call that ended with a result or exception @param options subscription options */
    public void onDone(Consumer<TaskFuture<R>> handler, On... options) {
        Objects.requireNonNull(handler, "handler");
        subscribe(TaskEvents.DONE, (FutureEvent e) -> handler.accept(cast(e.future())), options);
    }

    /** @param handler gets each call that returned, with its result @param options subscription options */
    @SuppressWarnings("unchecked")
    public void onResult(BiConsumer<TaskFuture<R>, R> handler, On... options) {
        Objects.requireNonNull(handler, "handler");
        subscribe(TaskEvents.RESULT, (ResultEvent e) -> handler.accept(cast(e.future()), (R) e.result()), options);
    }

    /** @param handler gets each call that failed, with its exception @param options subscription options */
    public void onException(BiConsumer<TaskFuture<R>, Throwable> handler, On... options) {
        Objects.requireNonNull(handler, "handler");
        subscribe(TaskEvents.EXCEPTION, (ExceptionEvent e) -> handler.accept(cast(e.future()), e.exception()), options);
    }

    /** @param handler gets each cancelled call @param options subscription options */
    public void onCancelled(Consumer<TaskFuture<R>> handler, On... options) {
        Objects.requireNonNull(handler, "handler");
        subscribe(TaskEvents.CANCELLED, (FutureEvent e) -> handler.accept(cast(e.future())), options);
    }

    private <T extends Record> void subscribe(EventType<T> type, Consumer<T> handler, On[] options) {
        runtime.bus().subscribe(type, handler, Scheduler.single(options), Locations.caller(), this);
    }

    @SuppressWarnings("unchecked")
    private TaskFuture<R> cast(TaskFuture<?> future) {
        return (TaskFuture<R>) future;
    }

    /** @return every event's count (zeros included), the task's own then its plugins', in order */
    public Map<String, Long> eventCounts() {
        return runtime.bus().counts();
    }

    /**
     * @param event an event name
     * @return how many times it was emitted
     * @throws IllegalArgumentException if the task has no such event
     */
    public long eventCount(String event) {
        return runtime.bus().count(Objects.requireNonNull(event, "event"));
    }

    /** @param type an event type @return how many times it was emitted */
    public long eventCount(EventType<?> type) {
        return eventCount(Objects.requireNonNull(type, "type").name());
    }

    /** @return the calls submitted and not yet ended, in submission order */
    @SuppressWarnings("unchecked")
    public List<TaskFuture<R>> futures() {
        List<TaskFuture<R>> out = new ArrayList<>();
        runtime.futures().forEach(c -> out.add((TaskFuture<R>) (TaskFuture<?>) c));
        return out;
    }

    /**
     * How many submissions a plugin vetoed ({@link #submit} returned empty). Each plugin also
     * says why with an event of its own; this counts them whatever the plugin.
     *
     * @return the number of vetoed submissions
     */
    public long vetoed() {
        return runtime.vetoed();
    }

    /** @return whether any call has an attempt running on a worker */
    public boolean running() {
        return runtime.running();
    }

    /** @return how many calls have an attempt running on a worker */
    public int runningCount() {
        return runtime.runningCount();
    }

    TaskRuntime runtime() {
        return runtime;
    }

    @Override
    public String toString() {
        return "Task(" + ref() + ", plugins=" + plugins() + ")";
    }
}
