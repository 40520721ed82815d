package dev.weft.plugin.trace;

import dev.weft.plugin.trace.TraceRecord.AttemptBegan;
import dev.weft.plugin.trace.TraceRecord.AttemptEnded;
import dev.weft.plugin.trace.TraceRecord.Ended;
import dev.weft.plugin.trace.TraceRecord.PluginEvent;
import dev.weft.plugin.trace.TraceRecord.Submitted;
import java.util.HashMap;
import java.util.Map;

/**
 * What the trace plugin of one task sees, as raw clock readings, handed to its file as it
 * happens; workers and the loop record at the same time. It holds only the calls in flight (see
 * {@link CallWait}), kept by the file's writer alone.
 */
final class Recording {

    private final String task;
    private final long originNanos;
    /** Calls in flight; read and written only under the file's lock. */
    private final Map<Long, CallWait> waits = new HashMap<>();
    private volatile TraceFile file;
    private volatile boolean finished;

    Recording(String task, long originNanos) {
        this.task = task;
        this.originNanos = originNanos;
    }

    String task() {
        return task;
    }

    long originNanos() {
        return originNanos;
    }

    TraceFile file() {
        return file;
    }

    /** Where the records go from now on. */
    void writeTo(TraceFile destination) {
        file = destination;
    }

    void submitted(long call, long nanos, String argument) {
        file.add(new Submitted(this, call, nanos, argument));
    }

    void ended(long call, long nanos, String outcome, String exception) {
        file.add(new Ended(this, call, nanos, outcome, exception));
    }

    void pluginEvent(Long call, long nanos, String name, Map<String, Object> args) {
        file.add(new PluginEvent(this, call, nanos, name, args));
    }

    void attemptStarted(long call, int attempt, Thread thread, long nanos) {
        file.add(new AttemptBegan(this, call, attempt, thread, nanos));
    }

    void attemptEnded(long call, int attempt, Thread thread, long nanos, String outcome) {
        file.add(new AttemptEnded(this, call, attempt, thread, nanos, outcome));
    }

    /** The writer's side: the calls in flight. */
    Map<Long, CallWait> waits() {
        return waits;
    }

    /** @return how many calls it holds (only those in flight), for tests, while nothing writes the file */
    int callsInFlight() {
        return waits.size();
    }

    boolean finished() {
        return finished;
    }

    void finished(boolean value) {
        finished = value;
    }
}
