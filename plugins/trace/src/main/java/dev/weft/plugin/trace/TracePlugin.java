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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code trace} plugin of one task. Every method but {@link #around} runs on the loop thread. */
final class TracePlugin implements TaskPlugin {

    private static final Logger LOG = LoggerFactory.getLogger("dev.weft.plugin.trace");
    private static final int MAX_TEXT = 300;

    private final TraceConfig config;
    private final StepLog log;
    private TaskContext context;
    private Recording recording;
    private volatile TraceFile file;
    private Cancellable flushTimer;
    private boolean finished;
    private int written;

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
        file = TraceFile.join(config.file(), recording);
        On hidden = On.hiddenHandler();
        task.on(TaskEvents.SUBMITTED, e -> submitted(e.future(), e.argument()), hidden);
        task.on(TaskEvents.RESULT, e -> outcome("result", e.future(), Map.of()), hidden);
        task.on(TaskEvents.EXCEPTION, e -> outcome("exception", e.future(), Map.of("exception", text(e.exception()))),
                hidden);
        task.on(TaskEvents.CANCELLED, e -> outcome("cancelled", e.future(), Map.of()), hidden);
        task.onScheduler(SchedulerEvents.START, s -> started(), hidden);
        task.onScheduler(SchedulerEvents.FINISHED, s -> finish(), hidden);
        // Other plugins' decisions (vetoes, retries, timeouts), including plugins attached after this one.
        task.onAny((type, payload) -> {
            if (!TaskEvents.ALL.contains(type) && !type.equals(TraceEvents.TRACE_WRITTEN)) {
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
        Recording.Attempt attempt = recording.attemptStarted(call.id(), invocation.attempt(), thread,
                context.clock().nanoTime());
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
            recording.attemptEnded(attempt, context.clock().nanoTime(), outcome);
            log.step(call.id(), "{} #{} attempt {} ended: {}", call.taskName(), call.id(), invocation.attempt(),
                    outcome);
        }
    }

    private void started() {
        // A second run of the same scheduler writes a fresh file, with this task's earlier calls in it.
        file = TraceFile.join(config.file(), recording);
        recording.finished(false);
        finished = false;
        armFlush();
    }

    private void submitted(TaskFuture<?> call, Object argument) {
        long now = context.clock().nanoTime();
        recording.submitted(call.id(), now);
        recording.instant(now, "submitted", "call", call.id(), Map.of("argument", text(argument)));
        log.step(call.id(), "{} #{} submitted with {}", call.taskName(), call.id(), text(argument));
    }

    private void outcome(String name, TaskFuture<?> call, Map<String, Object> args) {
        recording.instant(context.clock().nanoTime(), name, "call", call.id(), args);
        log.step(call.id(), "{} #{} {} {}", call.taskName(), call.id(), name, args.isEmpty() ? "" : args);
        if (finished) {
            // A call that ended after the scheduler finished would be missing from the final file.
            write(true);
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
        recording.instant(context.clock().nanoTime(), type.name(), "plugin", call, args);
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
        TraceFile shared = file;
        write(true);
        shared.finished(recording);
    }

    /**
     * Writes the shared file and emits {@code trace-written}. A periodic flush that fails is
     * logged and retried at the next; the final write throws, naming the file.
     */
    private void write(boolean last) {
        TraceFile.Written result;
        try {
            result = file.write(context.clock()::nanoTime, false);
        } catch (IOException e) {
            if (!last) {
                LOG.warn("trace of task '{}': {}", recording.task(), e.getMessage());
                return;
            }
            throw new UncheckedIOException(e);
        }
        if (result.rewritten() || last) {
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
        panel.row("File", file.path()).row("Written", written + " times");
    }
}
