package dev.weft.core.engine;

import dev.weft.ExitState;
import dev.weft.RunOptions;
import dev.weft.SchedulerNotRunningException;
import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import dev.weft.api.EventType;
import dev.weft.api.PluginErrorEvent;
import dev.weft.api.PluginException;
import dev.weft.api.SchedulerEvents;
import dev.weft.api.Signal;
import dev.weft.api.StopEvent;
import dev.weft.api.SubmittedEvent;
import dev.weft.api.TaskEvents;
import dev.weft.core.event.CallbackFailure;
import dev.weft.core.event.EventBus;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's engine: the event loop, the run lifecycle, the exception policy and the life
 * of every call.
 *
 * <p>The thread in {@link #run} is the loop. Every callback and every plugin hook but
 * {@code around} runs on it. Other threads (workers, timers, callers of {@code submit}) only
 * post jobs to its {@link Inbox}.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final Random REFS = new SecureRandom();
    private static final String REF_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Clock clock;
    private final CallExecutor executor;
    private final EventBus bus = new EventBus("the scheduler");
    private final Map<String, TaskRuntime> tasks = new LinkedHashMap<>();
    private final CallList queue = new CallList(CallList.Links.RUN);
    private final AtomicLong nextCallId = new AtomicLong();
    private final AtomicBoolean inRun = new AtomicBoolean();
    private final Inbox inbox = new Inbox();
    private final Outcomes outcomes = new Outcomes(this);
    private final Object idleLock = new Object();
    /** Kept in a field: a method reference made per emission would allocate every time. */
    private final CallbackFailure onHandlerFailure = this::handlerFailed;

    private volatile Thread loopThread;
    private volatile boolean running;
    private volatile boolean retriesAllowed;
    private volatile long runGeneration;

    private final RunEnding ending = new RunEnding(new RunEnding.Stopping() {
        @Override
        public boolean running() {
            return running;
        }

        @Override
        public void stopAccepted() {
            running = false;
        }

        @Override
        public void afterStop() {
            inbox.post(Inbox.Kind.WAKE, () -> { });
            if (Thread.currentThread() != loopThread) {
                cancelWhereTheLoopCannot();
            }
        }
    });

    // Written by the loop at the start of a run; read by timers and stopping threads too.
    private volatile RunOptions options = RunOptions.defaults();

    // Loop thread only.
    private boolean emptyNotified;
    // Attempts handed to the executor whose outcome the loop has not taken from the inbox yet.
    // Counted here rather than in an atomic the workers decrement: that cache line went back and
    // forth between the loop and the workers on every call.
    private int attemptsInFlight;
    private boolean timedOut;

    /**
     * @param clock the time source for timeouts, timers and plugins
     * @param executor where attempts run
     */
    public Engine(Clock clock, CallExecutor executor) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        SchedulerEvents.ALL.forEach(bus::register);
    }

    // ---------------------------------------------------------------- queries

    /** @return the scheduler's events */
    public EventBus bus() {
        return bus;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the executor, as the event tree shows it */
    public String executorDescription() {
        return executor.describe();
    }

    /** @return whether the scheduler accepts submissions now */
    public boolean isRunning() {
        return running;
    }

    /** @return whether no call is in flight */
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** @return the calls in flight, in submission order */
    public List<Call> queued() {
        return queue.snapshot();
    }

    /** @return the tasks made through the scheduler, in creation order */
    public synchronized List<TaskRuntime> tasks() {
        return new ArrayList<>(tasks.values());
    }

    /** @return the task of that name, if any */
    public synchronized Optional<TaskRuntime> findTask(String name) {
        return Optional.ofNullable(tasks.get(name));
    }

    /**
     * Makes a task and attaches its plugins in chain order.
     *
     * @throws IllegalArgumentException if the scheduler already has a task of that name
     * @throws PluginException if a plugin's attach throws (the task is then not made)
     */
    public TaskRuntime newTask(String name, Call.CallFunction function, List<PluginSlot> plugins) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        if (name.isBlank()) {
            throw new IllegalArgumentException("task name must not be blank");
        }
        synchronized (this) {
            if (tasks.containsKey(name)) {
                throw new IllegalArgumentException("the scheduler already has a task named '" + name + "'");
            }
        }
        TaskRuntime task = new TaskRuntime(this, name, "Task-" + name + "-" + randomRef(), function);
        for (PluginSlot slot : plugins) {
            task.attach(slot);
        }
        synchronized (this) {
            if (tasks.putIfAbsent(name, task) != null) {
                throw new IllegalArgumentException("the scheduler already has a task named '" + name + "'");
            }
        }
        return task;
    }

    private static String randomRef() {
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            sb.append(REF_CHARS.charAt(REFS.nextInt(REF_CHARS.length())));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- the run

    /**
     * Runs until stopped, out of work or out of time; see {@link dev.weft.Scheduler#run(RunOptions)}.
     */
    public ExitState run(RunOptions runOptions) {
        Objects.requireNonNull(runOptions, "options");
        if (!inRun.compareAndSet(false, true)) {
            throw new IllegalStateException("the scheduler is already running; run() cannot be called twice at once");
        }
        try {
            return runOnce(runOptions);
        } finally {
            loopThread = null;
            inRun.set(false);
        }
    }

    private ExitState runOnce(RunOptions runOptions) {
        ending.reset();
        options = runOptions;
        emptyNotified = false;
        timedOut = false;
        long generation = ++runGeneration;
        loopThread = Thread.currentThread();
        // First: it starts the pool's threads, and if it cannot, nothing of the run is open yet.
        executor.beginRun(this::postOrRunHere);
        inbox.open();
        retriesAllowed = true;
        running = true;
        Cancellable timeoutTimer = runOptions.timeout()
                .map(limit -> clock.schedule(limit, () -> {
                    inbox.post(Inbox.Kind.WAKE, () -> {
                        if (generation == runGeneration) {
                            timedOut = true;
                        }
                    });
                    cancelWhereTheLoopCannot();
                }))
                .orElse(null);

        emit(bus, SchedulerEvents.START, Signal.INSTANCE);
        ExitState.Code reason = loopUntilEnd();

        if (reason == ExitState.Code.STOPPED) {
            RunEnding.Stop s = ending.stop();
            emit(bus, SchedulerEvents.STOP, new StopEvent(s.reason(), Optional.ofNullable(s.cause())));
        } else if (reason == ExitState.Code.TIMEOUT) {
            emit(bus, SchedulerEvents.TIMEOUT, Signal.INSTANCE);
        }
        emit(bus, SchedulerEvents.FINISHING, Signal.INSTANCE);
        List<Inbox.Job> deferred = shutDown(timeoutTimer);
        emit(bus, SchedulerEvents.FINISHED, Signal.INSTANCE);
        deferred.forEach(this::runJob);
        drainUntilClosed();
        return ending.exitState(reason);
    }

    private ExitState.Code loopUntilEnd() {
        boolean afterCompletion = false;
        while (true) {
            // As in AMLTK, a call that empties the queue fires 'empty' even if its failure just
            // stopped the run (empty then stop); a stop with nothing in flight does not.
            if (queue.isEmpty() && !emptyNotified && (afterCompletion || ending.stop() == null)) {
                emptyNotified = true;
                emit(bus, SchedulerEvents.EMPTY, Signal.INSTANCE);
                continue; // an empty handler may have stopped the run or submitted more
            }
            if (ending.stop() != null) {
                return ExitState.Code.STOPPED;
            }
            if (queue.isEmpty() && options.endOnEmpty()) {
                return ExitState.Code.EXHAUSTED;
            }
            if (timedOut) {
                return ExitState.Code.TIMEOUT;
            }
            Inbox.Job job = takeJob();
            afterCompletion = job.kind() == Inbox.Kind.COMPLETION;
            runJob(job);
        }
    }

    private Inbox.Job takeJob() {
        try {
            return taken(inbox.take());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ending.request("the loop thread was interrupted", e, RunEnding.Kind.EXCEPTION, true);
            return Inbox.job(Inbox.Kind.WAKE, () -> Thread.interrupted());
        }
    }

    /** Counts an attempt's outcome as it leaves the inbox, whether it runs now or is deferred. */
    private Inbox.Job taken(Inbox.Job job) {
        if (job instanceof Completion completion && completion.endsAttempt) {
            attemptsInFlight--;
        }
        return job;
    }

    /**
     * Ends the run: no new attempts, calls waiting for a retry end, then wait or cancel.
     *
     * @return the events and outcomes that arrived meanwhile, to deliver after 'finished'
     */
    private List<Inbox.Job> shutDown(Cancellable timeoutTimer) {
        running = false;
        retriesAllowed = false;
        if (timeoutTimer != null) {
            timeoutTimer.cancel();
        }
        for (Call call : queue.snapshot()) {
            if (call.dropRetry()) {
                Throwable last = call.lastCause();
                if (last == null) {
                    last = new CancellationException("retry dropped");
                }
                postOutcome(call, new Outcome.Failed(last, 0));
            }
        }
        if (!options.waitForCalls()) {
            queue.snapshot().forEach(Call::cancelForShutdown);
        }
        // Wait for every attempt to end. Only what an attempt needs to end runs now; events wait
        // until after 'finished', in order, as AMLTK delivers them.
        List<Inbox.Job> deferred = new ArrayList<>();
        while (attemptsInFlight > 0) {
            Inbox.Job job = takeJob();
            switch (job.kind()) {
                case EXECUTE, SUBMIT, CALLBACK, WAKE -> runJob(job);
                default -> deferred.add(job);
            }
        }
        executor.endRun(options.waitForCalls());
        return deferred;
    }

    private void drainUntilClosed() {
        while (true) {
            List<Inbox.Job> rest = inbox.closeIfEmpty();
            if (rest.isEmpty()) {
                break;
            }
            rest.forEach(job -> runJob(taken(job)));
        }
        if (!queue.isEmpty()) {
            // Unreachable if every path above holds; cancelling keeps the exactly-once promise anyway.
            LOG.error("weft bug: {} calls had no outcome at the end of the run; cancelling them", queue.size());
            for (Call call : queue.snapshot()) {
                outcomes.finish(call, new Outcome.Cancelled("lost at shutdown", true));
            }
        }
    }

    private void runJob(Inbox.Job job) {
        try {
            job.run();
        } catch (RuntimeException | Error e) {
            // Jobs isolate callbacks and hooks themselves; anything reaching here is weft's own fault.
            LOG.error("weft: a loop job failed", e);
            ending.request("weft: a loop job failed: " + e, e, RunEnding.Kind.EXCEPTION, true);
        }
    }

    private void postOrRunHere(Inbox.Kind kind, Runnable action) {
        if (!inbox.post(kind, action)) {
            throw new RejectedExecutionException("the scheduler is not running");
        }
    }

    // ---------------------------------------------------------------- stopping and policies

    /** Stops the run from any thread; a no-op when not running. */
    public void stop(String reason, Throwable cause) {
        Objects.requireNonNull(reason, "reason");
        ending.request(reason, cause, RunEnding.Kind.USER, false);
    }

    /**
     * On the sequential executor a hanging call holds the loop thread, which then never sees a
     * stop or a timeout. When the run is not to wait for calls, cancel them from this thread: the
     * interrupt frees the loop, and the cancellations are delivered after 'finished' as usual.
     */
    private void cancelWhereTheLoopCannot() {
        if (executor.runsOnLoop() && !options.waitForCalls()) {
            queue.snapshot().forEach(Call::cancelForShutdown);
        }
    }

    private void handlerFailed(String event, String handler, Throwable error) {
        LOG.warn("handler {} of @{} threw", handler, event, error);
        ending.exceptionThrown(error, "handler " + handler + " of @" + event, options);
    }

    /** Reports a plugin fault as a {@code plugin-error} event; safe from any thread. */
    void pluginError(String task, String plugin, String hook, Throwable error) {
        LOG.warn("plugin '{}' of task '{}' failed in {}", plugin, task, hook, error);
        emit(bus, SchedulerEvents.PLUGIN_ERROR, new PluginErrorEvent(task, plugin, hook, error));
    }

    // ---------------------------------------------------------------- events

    /**
     * Emits an event: at once on the loop thread, queued to the loop from any other thread, and
     * at once on the caller's thread when no run is in progress.
     */
    public <T extends Record> void emit(EventBus target, EventType<T> type, T payload) {
        if (Thread.currentThread() == loopThread) {
            target.emit(type, payload, onHandlerFailure);
        } else if (!inbox.post(Inbox.Kind.EMIT, () -> target.emit(type, payload, onHandlerFailure))) {
            synchronized (idleLock) {
                target.emitOffLoop(type, payload, (event, handler, error) ->
                        LOG.warn("handler {} of @{} threw while no run was in progress", handler, event, error));
            }
        }
    }

    /**
     * Emits one of a call's own events, making its payload only if a handler or listener will see
     * it: most of a call's six events have neither, and their payloads were a good part of what
     * each call allocated. The event is counted either way.
     */
    <T extends Record> void emitForCall(EventBus target, EventType<T> type, Call call, Function<Call, T> payload) {
        if (Thread.currentThread() != loopThread || !target.countIfUnheard(type)) {
            emit(target, type, payload.apply(call));
        }
    }

    /** Runs an action on the loop after a delay, if the same run is still going then. */
    public Cancellable callLater(Duration delay, Runnable action) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(action, "action");
        if (!running) {
            throw new SchedulerNotRunningException("callLater needs a running scheduler");
        }
        long generation = runGeneration;
        String location = "callLater";
        return clock.schedule(delay, () -> inbox.post(Inbox.Kind.CALLBACK, () -> {
            if (!running || generation != runGeneration) {
                LOG.debug("a callLater action was dropped: the run it was set in has ended");
                return;
            }
            try {
                action.run();
            } catch (Throwable e) {
                handlerFailed("call-later", location, e);
            }
        }));
    }

    // ---------------------------------------------------------------- calls

    /**
     * Submits a task's call from any thread; see {@link dev.weft.Task#submit}.
     *
     * @return the call, or empty if a plugin vetoed it
     * @throws SchedulerNotRunningException if the scheduler is not running
     */
    public Optional<Call> submit(TaskRuntime task, Object argument) {
        if (Thread.currentThread() == loopThread) {
            return submitOnLoop(task, argument, task.function());
        }
        return viaLoop(() -> submitOnLoop(task, argument, task.function()), task.name());
    }

    /** Submits a raw call without a task or plugins, from any thread. */
    public Call submitRaw(Call.CallFunction function, Object argument) {
        Objects.requireNonNull(function, "fn");
        if (Thread.currentThread() == loopThread) {
            return submitOnLoop(null, argument, function).orElseThrow();
        }
        return viaLoop(() -> submitOnLoop(null, argument, function), "submit").orElseThrow();
    }

    private Optional<Call> viaLoop(java.util.function.Supplier<Optional<Call>> submission, String what) {
        if (!running) {
            throw notRunning(what);
        }
        CompletableFuture<Optional<Call>> result = new CompletableFuture<>();
        boolean posted = inbox.post(Inbox.Kind.SUBMIT, () -> {
            try {
                result.complete(submission.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        if (!posted) {
            throw notRunning(what);
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw RunEnding.rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while submitting to '" + what + "'", e);
        }
    }

    private static SchedulerNotRunningException notRunning(String what) {
        return new SchedulerNotRunningException("cannot submit to '" + what + "': the scheduler is not running");
    }

    private Optional<Call> submitOnLoop(TaskRuntime task, Object argument, Call.CallFunction function) {
        String name = task == null ? "submit" : task.name();
        if (!running) {
            throw notRunning(name);
        }
        List<PluginSlot> plugins = task == null ? List.of() : task.plugins();
        PluginException fault = null;
        if (!plugins.isEmpty()) {
            SubmissionContext submission = new SubmissionContext(task, argument);
            for (PluginSlot slot : plugins) {
                try {
                    slot.plugin().beforeSubmit(submission);
                } catch (Throwable e) {
                    if (Faults.isFatal(e)) {
                        throw (Error) e;
                    }
                    fault = new PluginException(slot.name(), "beforeSubmit", "threw " + e, e);
                    pluginError(name, slot.name(), "beforeSubmit", fault);
                    break;
                }
                if (submission.isVetoed()) {
                    task.countVeto();
                    LOG.debug("plugin '{}' vetoed a call of task '{}': {}", slot.name(), name, submission.reason());
                    return Optional.empty();
                }
            }
        }
        Call call = new Call(this, nextCallId.incrementAndGet(), task, argument, function, plugins);
        queue.add(call);
        emptyNotified = false;
        if (task != null) {
            task.enqueue(call);
        }
        emitForCall(bus, SchedulerEvents.FUTURE_SUBMITTED, call, Call::asEvent);
        if (task != null) {
            emitForCall(task.bus(), TaskEvents.SUBMITTED, call, c -> new SubmittedEvent(c, c.argument()));
        }
        if (fault != null) {
            postOutcome(call, new Outcome.Failed(fault, 0));
        } else {
            dispatch(call);
        }
        return Optional.of(call);
    }

    void dispatch(Call call) {
        Attempt attempt = call.newAttempt();
        attemptsInFlight++;
        try {
            executor.execute(attempt);
        } catch (RejectedExecutionException e) {
            attempt.complete(new Outcome.Failed(e, call.chainLength()));
        }
    }

    /** An attempt ended (any thread): queue its outcome; the loop counts the attempt as ended when it takes it. */
    void attemptEnded(Call call, Outcome outcome) {
        post(new Completion(call, outcome, true));
    }

    /** Queues an outcome that does not end an attempt (a scope failure, a dropped retry, a cancel). */
    void postOutcome(Call call, Outcome outcome) {
        post(new Completion(call, outcome, false));
    }

    private void post(Completion completion) {
        if (!inbox.post(completion)) {
            LOG.error("weft bug: the outcome of {} arrived after its run ended: {}", completion.call, completion.outcome);
        }
    }

    /** An outcome on its way to the loop: one object per completion, where a job and a lambda made two. */
    private final class Completion extends Inbox.Job {
        private final Call call;
        private final Outcome outcome;
        private final boolean endsAttempt;

        Completion(Call call, Outcome outcome, boolean endsAttempt) {
            super(Inbox.Kind.COMPLETION);
            this.call = call;
            this.outcome = outcome;
            this.endsAttempt = endsAttempt;
        }

        @Override
        void run() {
            outcomes.handle(call, outcome);
        }
    }

    // ---------------------------------------------------------------- for Outcomes

    boolean retriesAllowed() {
        return retriesAllowed;
    }

    RunEnding ending() {
        return ending;
    }

    RunOptions options() {
        return options;
    }

    boolean post(Inbox.Kind kind, Runnable action) {
        return inbox.post(kind, action);
    }

    /** Takes an ended call out of the queue of calls in flight. */
    void forget(Call call) {
        queue.remove(call);
    }
}
