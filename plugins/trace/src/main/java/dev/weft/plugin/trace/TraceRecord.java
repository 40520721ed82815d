package dev.weft.plugin.trace;

import java.util.Map;

/**
 * Something the trace saw, waiting in its file's queue to be written. Small and immutable: the
 * thread that saw it only queues it, and whichever thread writes the file turns it into JSON later,
 * in queue order. For one call that order follows cause (its submission before its first attempt,
 * an attempt's start before its end, the loop's decisions before the retry they lead to), which
 * lets the writer work out how long each attempt waited; see {@link CallWait} for the exception.
 */
sealed interface TraceRecord {

    /** @return the task's recording it belongs to */
    Recording source();

    /** A call was submitted: it begins waiting for its first attempt. */
    record Submitted(Recording source, long call, long nanos, String argument) implements TraceRecord {
    }

    /**
     * A call ended.
     *
     * @param outcome {@code result}, {@code exception} or {@code cancelled}
     * @param exception the exception's text, or {@code null}
     */
    record Ended(Recording source, long call, long nanos, String outcome, String exception) implements TraceRecord {
    }

    /**
     * Another plugin's event, on the loop's track.
     *
     * @param call the call it concerns, or {@code null}
     */
    record PluginEvent(Recording source, Long call, long nanos, String name, Map<String, Object> args)
            implements TraceRecord {
    }

    /** An attempt began on a worker thread. */
    record AttemptBegan(Recording source, long call, int attempt, Thread thread, long nanos) implements TraceRecord {
    }

    /**
     * An attempt ended, on the thread where it began: the call waits from now for its next attempt.
     *
     * @param outcome {@code returned}, or the class name of what it threw
     */
    record AttemptEnded(Recording source, long call, int attempt, Thread thread, long nanos, String outcome)
            implements TraceRecord {
    }
}
