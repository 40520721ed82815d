package dev.weft;

import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import dev.weft.api.EventType;
import dev.weft.api.ExceptionEvent;
import dev.weft.api.FutureEvent;
import dev.weft.api.On;
import dev.weft.api.ResultEvent;
import dev.weft.api.SchedulerEvents;
import dev.weft.api.Signal;
import dev.weft.api.StopEvent;
import dev.weft.api.TaskFuture;
import dev.weft.api.TaskPlugin;
import dev.weft.core.engine.CallExecutor;
import dev.weft.core.engine.Engine;
import dev.weft.core.engine.PluginSlot;
import dev.weft.core.engine.SystemClock;
import dev.weft.core.engine.TaskRuntime;
import dev.weft.core.event.Locations;
import dev.weft.core.render.TreeRenderer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs tasks' calls on an executor and emits events for the run and for every call: AMLTK's
 * {@code Scheduler}, for the JVM.
 *
 * <pre>{@code
 * Scheduler scheduler = Scheduler.withThreads(2);
 * Task<Integer, Integer> task = scheduler.task("double", x -> x * 2);
 * scheduler.onStart(() -> task.submit(1));
 * task.onResult((future, result) -> System.out.println(future + " returned " + result));
 * ExitState exit = scheduler.run();
 * System.out.println(scheduler.render());
 * }</pre>
 *
 * <h2>Threading</h2>
 * The thread that calls {@link #run} becomes the event loop: every callback and every plugin
 * hook except {@code around} runs on it, one at a time, in subscription order. Workers only run
 * the functions and post their outcomes back. {@link #stop}, {@link Task#submit} and
 * subscribing are safe from any thread.
 *
 * <h2>Executor ownership</h2>
 * {@link #withThreads} makes a pool of daemon threads for each run and shuts it down when the
 * run ends. {@link #with(ExecutorService)} uses the caller's executor and never shuts it down:
 * the caller owns it. {@link #sequential} runs every call on the loop thread itself.
 *
 * <h2>Events</h2>
 * {@link SchedulerEvents}: {@code start}, {@code future-submitted}, {@code future-done},
 * {@code future-result}, {@code future-exception}, {@code future-cancelled}, {@code empty},
 * {@code timeout}, {@code stop}, {@code finishing}, {@code finished}, {@code plugin-error}.
 * Every submitted call ends in exactly one terminal event before {@code run()} returns.
 *
 * @since 0.1
 */
public final class Scheduler {

    private final Engine engine;
    private final Function<String, Chain> chains;
    private final Map<String, Task<?, ?>> tasks = new LinkedHashMap<>();

    private Scheduler(Builder builder) {
        this.engine = new Engine(builder.clock, builder.executor);
        this.chains = builder.chains;
    }

    /**
     * A scheduler whose calls run on a pool of {@code workers} daemon threads, made for each run:
     * all of them start when the run begins, before {@code start}, and end with it.
     *
     * @param workers at least 1
     * @return the scheduler
     * @throws IllegalArgumentException if {@code workers < 1}
     */
    public static Scheduler withThreads(int workers) {
        return builder().threads(workers).build();
    }

    /** @return a scheduler that runs every call on the loop thread: for debugging and deterministic tests */
    public static Scheduler sequential() {
        return builder().sequential().build();
    }

    /**
     * A scheduler whose calls run on the caller's executor, which weft never shuts down.
     *
     * @param executor never {@code null}
     * @return the scheduler
     */
    public static Scheduler with(ExecutorService executor) {
        return builder().executor(executor).build();
    }

    /** @return a builder for the executor, the clock and the per-task chains */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Makes a task with the chain configured for its name (see {@link Builder#chains}).
     *
     * @param name unique within this scheduler; never {@code null}
     * @param function what each call runs; never {@code null}
     * @param <A> the argument type
     * @param <R> the result type
     * @return the task
     * @throws IllegalArgumentException if a task of that name exists
     * @throws dev.weft.api.PluginException if a plugin refuses the task in its {@code attach}
     */
    public <A, R> Task<A, R> task(String name, TaskFunction<A, R> function) {
        Objects.requireNonNull(name, "name");
        return task(name, function, Objects.requireNonNull(chains.apply(name), "chain for " + name));
    }

    /**
     * Makes a task with a chain of plugins, outer to inner.
     *
     * @param name unique within this scheduler; never {@code null}
     * @param function what each call runs; never {@code null}
     * @param chain the plugins; never {@code null}
     * @param <A> the argument type
     * @param <R> the result type
     * @return the task
     * @throws IllegalArgumentException if a task of that name exists
     * @throws dev.weft.api.PluginException if a plugin refuses the task in its {@code attach}
     */
    @SuppressWarnings("unchecked")
    public <A, R> Task<A, R> task(String name, TaskFunction<A, R> function, Chain chain) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(chain, "chain");
        List<PluginSlot> slots = new ArrayList<>();
        List<String> names = chain.names();
        List<TaskPlugin> plugins = chain.instantiate();
        for (int i = 0; i < plugins.size(); i++) {
            slots.add(new PluginSlot(names.get(i), plugins.get(i)));
        }
        TaskRuntime runtime = engine.newTask(name, argument -> function.apply((A) argument), slots);
        Task<A, R> task = new Task<>(engine, runtime, function);
        synchronized (tasks) {
            tasks.put(name, task);
        }
        return task;
    }

    /**
     * Finds a task by name.
     *
     * @param name the task's name; never {@code null}
     * @return the task, if this scheduler made one of that name
     */
    public Optional<Task<?, ?>> findTask(String name) {
        Objects.requireNonNull(name, "name");
        synchronized (tasks) {
            return Optional.ofNullable(tasks.get(name));
        }
    }

    /** @return the tasks, in creation order */
    public List<Task<?, ?>> tasks() {
        synchronized (tasks) {
            return new ArrayList<>(tasks.values());
        }
    }

    /**
     * Submits a raw call, without a task or plugins: only the scheduler's events fire for it.
     *
     * @param function what to run; never {@code null}
     * @param argument its argument; may be {@code null}
     * @param <A> the argument type
     * @param <R> the result type
     * @return the call
     * @throws SchedulerNotRunningException if the scheduler is not running
     */
    @SuppressWarnings("unchecked")
    public <A, R> TaskFuture<R> submit(TaskFunction<A, R> function, A argument) {
        Objects.requireNonNull(function, "function");
        return (TaskFuture<R>) (TaskFuture<?>) engine.submitRaw(a -> function.apply((A) a), argument);
    }

    /**
     * Runs with the default options: until out of work, raising exceptions.
     *
     * @return how the run ended
     * @see #run(RunOptions)
     */
    public ExitState run() {
        return run(RunOptions.defaults());
    }

    /**
     * Runs on this thread, which becomes the event loop, until the run stops, runs out of work
     * ({@code endOnEmpty}) or times out; then shuts down and returns. Emits {@code start} first
     * and {@code finished} last; every call submitted during the run has delivered its terminal
     * event before this returns. Can be called again once it returned.
     *
     * @param options how to run; never {@code null}
     * @return how the run ended
     * @throws IllegalStateException if the scheduler is already running
     * @throws RuntimeException the exception that stopped the run when the policy said
     *     {@link Action#RAISE} (checked ones wrapped in {@link RunFailedException}); any
     *     {@link Error} a call threw
     */
    public ExitState run(RunOptions options) {
        return engine.run(options);
    }

    /** Stops the run, as {@code stop("scheduler.stop() was called.", null)}. */
    public void stop() {
        stop("scheduler.stop() was called.", null);
    }

    /**
     * Stops the run from any thread: {@link #running()} is false at once, so later submits
     * throw; the {@code stop} event fires on the loop soon after. A no-op when not running.
     *
     * @param reason why; never {@code null}
     * @param cause the exception behind it, or {@code null}; it is kept in the {@link ExitState}
     */
    public void stop(String reason, Throwable cause) {
        engine.stop(reason, cause);
    }

    /**
     * Runs an action on the loop after a delay, if the run is still going then.
     *
     * @param delay never {@code null}
     * @param action never {@code null}; an exception it throws goes to the exception policy
     * @return a handle that calls it off
     * @throws SchedulerNotRunningException if the scheduler is not running
     */
    public Cancellable callLater(Duration delay, Runnable action) {
        return engine.callLater(delay, action);
    }

    /** @return whether the scheduler accepts submissions now */
    public boolean running() {
        return engine.isRunning();
    }

    /** @return whether no call is in flight */
    public boolean empty() {
        return engine.isEmpty();
    }

    /** @return every scheduler event's count, zeros included, in the event tree's order */
    public Map<String, Long> eventCounts() {
        return engine.bus().counts();
    }

    /**
     * @param event a scheduler event's name, such as {@code future-result}
     * @return how many times it was emitted
     * @throws IllegalArgumentException if there is no such event
     */
    public long eventCount(String event) {
        return engine.bus().count(Objects.requireNonNull(event, "event"));
    }

    /** @param type a scheduler event type @return how many times it was emitted */
    public long eventCount(EventType<?> type) {
        return eventCount(Objects.requireNonNull(type, "type").name());
    }

    // ------------------------------------------------------------------ subscriptions

    /**
     * Subscribes to a scheduler event.
     *
     * @param type one of {@link SchedulerEvents}; never {@code null}
     * @param handler the callback; never {@code null}
     * @param options when, every, repeat, maxCalls, hidden (at most one value)
     * @param <T> the payload type
     */
    public <T extends Record> void on(EventType<T> type, Consumer<? super T> handler, On... options) {
        engine.bus().subscribe(type, handler, single(options), Locations.caller(), this);
    }

    /**
     * Subscribes to a scheduler event by name.
     *
     * @param event the name, such as {@code future-result}; never {@code null}
     * @param handler the callback; never {@code null}
     * @param options subscription options (at most one value)
     * @throws IllegalArgumentException if there is no such event; the message lists the known ones
     */
    public void on(String event, Consumer<? super Record> handler, On... options) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(handler, "handler");
        engine.bus().subscribe(event, handler, single(options), Locations.caller(), this);
    }

    /** @param handler runs when the run starts @param options subscription options */
    public void onStart(Runnable handler, On... options) {
        signal(SchedulerEvents.START, handler, options);
    }

    /** @param handler runs when the run is about to shut down @param options subscription options */
    public void onFinishing(Runnable handler, On... options) {
        signal(SchedulerEvents.FINISHING, handler, options);
    }

    /** @param handler runs when the run has shut down @param options subscription options */
    public void onFinished(Runnable handler, On... options) {
        signal(SchedulerEvents.FINISHED, handler, options);
    }

    /** @param handler runs when the queue becomes empty @param options subscription options */
    public void onEmpty(Runnable handler, On... options) {
        signal(SchedulerEvents.EMPTY, handler, options);
    }

    /** @param handler runs when the run times out @param options subscription options */
    public void onTimeout(Runnable handler, On... options) {
        signal(SchedulerEvents.TIMEOUT, handler, options);
    }

    /** @param handler gets the reason and cause when the run stops @param options subscription options */
    public void onStop(Consumer<StopEvent> handler, On... options) {
        Objects.requireNonNull(handler, "handler");
        engine.bus().subscribe(SchedulerEvents.STOP, handler, single(options), Locations.caller(), this);
    }

    /** @param handler gets each submitted call @param options subscription options */
    public void onFutureSubmitted(Consumer<TaskFuture<?>> handler, On... options) {
        future(SchedulerEvents.FUTURE_SUBMITTED, handler, options);
    }

    /** @param handler gets each call that ended with a result or exception @param options subscription options */
    public void onFutureDone(Consumer<TaskFuture<?>> handler, On... options) {
        future(SchedulerEvents.FUTURE_DONE, handler, options);
    }

    /** @param handler gets each cancelled call @param options subscription options */
    public void onFutureCancelled(Consumer<TaskFuture<?>> handler, On... options) {
        future(SchedulerEvents.FUTURE_CANCELLED, handler, options);
    }

    /** @param handler gets each call that returned, with its result @param options subscription options */
    public void onFutureResult(BiConsumer<TaskFuture<?>, Object> handler, On... options) {
        Objects.requireNonNull(handler, "handler");
        engine.bus().subscribe(SchedulerEvents.FUTURE_RESULT, (ResultEvent e) -> handler.accept(e.future(), e.result()),
                single(options), Locations.caller(), this);
    }

    /** @param handler gets each call that failed, with its exception @param options subscription options */
    public void onFutureException(BiConsumer<TaskFuture<?>, Throwable> handler, On... options) {
        Objects.requireNonNull(handler, "handler");
        engine.bus().subscribe(SchedulerEvents.FUTURE_EXCEPTION,
                (ExceptionEvent e) -> handler.accept(e.future(), e.exception()), single(options), Locations.caller(), this);
    }

    private void signal(EventType<Signal> type, Runnable handler, On[] options) {
        Objects.requireNonNull(handler, "handler");
        engine.bus().subscribe(type, (Signal s) -> handler.run(), single(options), Locations.caller(), this);
    }

    private void future(EventType<FutureEvent> type, Consumer<TaskFuture<?>> handler, On[] options) {
        Objects.requireNonNull(handler, "handler");
        engine.bus().subscribe(type, (FutureEvent e) -> handler.accept(e.future()), single(options),
                Locations.caller(), this);
    }

    static On single(On[] options) {
        Objects.requireNonNull(options, "options");
        if (options.length > 1) {
            throw new IllegalArgumentException("give at most one On; combine options as On.every(2).maxCalls(3)");
        }
        return options.length == 0 ? On.defaults() : Objects.requireNonNull(options[0], "options");
    }

    // ------------------------------------------------------------------ rendering

    /** @return the event tree as plain text, as AMLTK's rich output draws it */
    public String render() {
        return render(false);
    }

    /**
     * The event tree: the scheduler with its executor and queue, every event with its count and
     * visible handlers, then each task with its plugins' panels and events. Safe from any
     * thread; during a run, render from a callback to see a consistent picture.
     *
     * @param ansi whether to colour it with ANSI escapes
     * @return the tree
     */
    public String render(boolean ansi) {
        return TreeRenderer.text(engine, ansi);
    }

    /** @return the same tree as {@link #render()}, as a JSON object for tools */
    public String snapshotJson() {
        return TreeRenderer.json(engine);
    }

    @Override
    public String toString() {
        return "Scheduler(" + engine.executorDescription() + (running() ? ", running" : "") + ")";
    }

    /** Configures a scheduler; not thread-safe. */
    public static final class Builder {
        private CallExecutor executor = CallExecutor.threads(Math.max(1, Runtime.getRuntime().availableProcessors()));
        private Clock clock = SystemClock.INSTANCE;
        private Function<String, Chain> chains = name -> Chain.empty();

        private Builder() {
        }

        /**
         * Runs calls on a pool of daemon threads that weft makes for each run (the default, with
         * one worker per core).
         *
         * @param workers at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code workers < 1}, naming {@code workers}
         */
        public Builder threads(int workers) {
            executor = CallExecutor.threads(workers);
            return this;
        }

        /** @return this builder, set to run every call on the loop thread */
        public Builder sequential() {
            executor = CallExecutor.sequential();
            return this;
        }

        /**
         * Runs calls on the caller's executor, which weft never shuts down.
         *
         * @param executorService never {@code null}
         * @return this builder
         */
        public Builder executor(ExecutorService executorService) {
            executor = CallExecutor.provided(Objects.requireNonNull(executorService, "executor"));
            return this;
        }

        /**
         * Sets the time source for the run timeout, {@code callLater} and plugins.
         *
         * @param source such as a {@link dev.weft.api.ManualClock} in tests; never {@code null}
         * @return this builder
         */
        public Builder clock(Clock source) {
            clock = Objects.requireNonNull(source, "clock");
            return this;
        }

        /**
         * Sets the chain {@link Scheduler#task(String, TaskFunction)} gives each task name, as a
         * configuration file's {@code tasks} section does.
         *
         * @param byTaskName the chain for a task name; never {@code null}
         * @return this builder
         */
        public Builder chains(Function<String, Chain> byTaskName) {
            chains = Objects.requireNonNull(byTaskName, "chains");
            return this;
        }

        /** @return the scheduler */
        public Scheduler build() {
            return new Scheduler(this);
        }
    }
}
