package dev.weft.plugin.trace;

import dev.weft.api.Cancellable;
import dev.weft.api.EventType;
import dev.weft.api.Field;
import dev.weft.api.Invocation;
import dev.weft.api.On;
import dev.weft.api.Panel;
import dev.weft.api.SchedulerEvents;
import dev.weft.api.Submission;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskEvents;
import dev.weft.api.TaskFuture;
import dev.weft.api.TaskPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code trace} plugin of one task. Every method but {@link #around} runs on the loop thread. */
final class TracePlugin implements TaskPlugin {

    private static final Logger LOG = LoggerFactory.getLogger("dev.weft.plugin.trace");
    private static final int MAX_TEXT = 300;
    /** Events the trace records itself or that are its own: every other event of the task is a plugin's decision. */
    private static final Set<EventType<?>> NOT_PLUGIN_DECISIONS = Stream.concat(TaskEvents.ALL.stream(),
            Stream.of(TraceEvents.TRACE_WRITTEN)).collect(Collectors.toUnmodifiableSet());

    private final TraceConfig config;
    private final StepLog log;
    private TaskContext context;
    /**
     * Calls between writes of the queued records by a worker, as an attempt ends: the writing is
     * most of the trace's cost, and the loop is the scheduler's bottleneck. A power of two.
     */
    private static final int WORKER_WRITES_EVERY = 512;
    /** Submissions between writes by the loop, which bound the queue if workers do not write. */
    private static final int DRAIN_EVERY = 8192;

    private Recording recording;
    private Cancellable flushTimer;
    private boolean finished;
    private int written;
    private int sinceDrain;

    TracePlugin(TraceConfig config) {
        this.config = config;
        this.log = new StepLog(config.log());
    }

    @Override
    public String name() {
        return TracePluginFactory.NAME;
    }

    @Override
    public void attach(TaskContext task) {
        context = task;
        task.register(TraceEvents.TRACE_WRITTEN);
        recording = new Recording(task.task().name(), task.clock().nanoTime());
        recording.writeTo(TraceFile.join(config.file(), recording, null));
        On hidden = On.hiddenHandler();
        task.on(TaskEvents.SUBMITTED, e -> submitted(e.future(), e.argument()), hidden);
        task.on(TaskEvents.RESULT, e -> outcome("result", e.future(), null), hidden);
        task.on(TaskEvents.EXCEPTION, e -> outcome("exception", e.future(), text(e.exception())), hidden);
        task.on(TaskEvents.CANCELLED, e -> outcome("cancelled", e.future(), null), hidden);
        task.onScheduler(SchedulerEvents.START, s -> started(), hidden);
        task.onScheduler(SchedulerEvents.FINISHED, s -> finish(), hidden);
        // Other plugins' decisions (vetoes, retries, timeouts), including plugins attached after this one.
        task.onAny((type, payload) -> {
            if (!NOT_PLUGIN_DECISIONS.contains(type)) {
                pluginEvent(type, payload);
            }
        });
    }

    @Override
    public void beforeSubmit(Submission submission) {
        if (flushTimer == null) {
            armFlush();
        }
    }

    @Override
    public Object around(Invocation invocation) throws Exception {
        TaskFuture<?> call = invocation.call();
        Thread thread = Thread.currentThread();
        recording.attemptStarted(call.id(), invocation.attempt(), thread, context.clock().nanoTime());
        log.step(call.id(), "{} #{} attempt {} started on {}", call.taskName(), call.id(), invocation.attempt(),
                thread.getName());
        String previousMdc = config.log() ? log.enter(call.id()) : null;
        String outcome = "returned";
        try {
            return invocation.proceed();
        } catch (Throwable t) {
            outcome = t.getClass().getName();
            throw t;
        } finally {
            if (config.log()) {
                log.restore(previousMdc);
            }
            recording.attemptEnded(call.id(), invocation.attempt(), thread, context.clock().nanoTime(), outcome);
            if ((call.id() & (WORKER_WRITES_EVERY - 1)) == 0) {
                writeQueued();
            }
            log.step(call.id(), "{} #{} attempt {} ended: {}", call.taskName(), call.id(), invocation.attempt(),
                    outcome);
        }
    }

    /**
     * Writes what is queued unless another thread is writing; from a worker or the loop. Never
     * throws: a call's own outcome must not change because its trace could not be written, and a
     * failed write is tried again at the next.
     */
    private void writeQueued() {
        try {
            recording.file().drainIfFree();
        } catch (IOException | RuntimeException e) {
            LOG.warn("trace of task '{}': {}", recording.task(), e.getMessage());
        }
    }

    private void started() {
        // A second run of the same scheduler continues the file of the first, unless another run replaced it.
        rejoin();
        armFlush();
    }

    private void rejoin() {
        recording.finished(false);
        finished = false;
        recording.writeTo(TraceFile.join(config.file(), recording, recording.file()));
    }

    private void submitted(TaskFuture<?> call, Object argument) {
        String text = text(argument);
        recording.submitted(call.id(), context.clock().nanoTime(), text);
        log.step(call.id(), "{} #{} submitted with {}", call.taskName(), call.id(), text);
        if (++sinceDrain >= DRAIN_EVERY) {
            // Bounds what waits in memory between flushes, should the workers not have written it.
            sinceDrain = 0;
            writeQueued();
        }
    }

    private void outcome(String name, TaskFuture<?> call, String exception) {
        recording.ended(call.id(), context.clock().nanoTime(), name, exception);
        log.step(call.id(), "{} #{} {} {}", call.taskName(), call.id(), name, exception == null ? "" : exception);
        if (finished) {
            // A call that ended after the scheduler finished: continue the closed file, and close it again.
            rejoin();
            finish();
        }
    }

    private void pluginEvent(EventType<?> type, Record payload) {
        Long call = null;
        Map<String, Object> args = new LinkedHashMap<>();
        for (Field field : EventType.fieldsOf(payload)) {
            Object value = field.value();
            if (value instanceof TaskFuture<?> future) {
                call = future.id();
                continue;
            }
            if (call == null && field.name().equals("call") && value instanceof Number n) {
                call = n.longValue();
                continue;
            }
            if (field.name().equals("task")) {
                continue;
            }
            args.put(field.name(), jsonValue(value));
        }
        recording.pluginEvent(call, context.clock().nanoTime(), type.name(), args);
        log.step(call, "{} {} {}", recording.task(), type.name(), args);
    }

    private void armFlush() {
        if (flushTimer != null) {
            flushTimer.cancel();
        }
        flushTimer = context.callLater(config.flushEvery(), this::flush);
    }

    private void flush() {
        if (finished) {
            return;
        }
        write(false);
        flushTimer = context.callLater(config.flushEvery(), this::flush);
    }

    private void finish() {
        finished = true;
        if (flushTimer != null) {
            flushTimer.cancel();
            flushTimer = null;
        }
        write(true);
    }

    /**
     * Writes what is queued and publishes the file, emitting {@code trace-written} if it changed;
     * {@code last} also closes the file once every task sharing it has finished, and always emits.
     * A flush during the run that fails is logged and tried again at the next; the last one
     * throws, naming the file.
     */
    private void write(boolean last) {
        TraceFile file = recording.file();
        TraceFile.Written result;
        try {
            result = last ? file.finished(recording) : file.flush();
        } catch (IOException e) {
            if (!last) {
                LOG.warn("trace of task '{}': {}", recording.task(), e.getMessage());
                return;
            }
            throw new UncheckedIOException(e);
        }
        if (result.changed() || last) {
            written++;
            log.step(null, "{} trace written to {} ({} spans)", recording.task(), result.path(), result.spans());
            context.emit(TraceEvents.TRACE_WRITTEN, new TraceWrittenEvent(result.path(), result.spans()));
        }
    }

    private static Object jsonValue(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(TracePlugin::jsonValue).orElse(null);
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Duration d) {
            return dev.weft.api.Durations.format(d);
        }
        return text(value);
    }

    private static String text(Object value) {
        String s = value instanceof Throwable t ? t.getClass().getName() + ": " + t.getMessage() : String.valueOf(value);
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
    }

    @Override
    public void describe(Panel panel) {
        // A label and a count, as the other plugins' rows are, so that it reads right for any count.
        panel.row("File", recording.file().path()).row("Written", written);
    }
}
