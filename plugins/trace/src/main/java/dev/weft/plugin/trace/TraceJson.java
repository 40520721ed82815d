package dev.weft.plugin.trace;

import dev.weft.plugin.trace.TraceRecord.AttemptBegan;
import dev.weft.plugin.trace.TraceRecord.AttemptEnded;
import dev.weft.plugin.trace.TraceRecord.Ended;
import dev.weft.plugin.trace.TraceRecord.PluginEvent;
import dev.weft.plugin.trace.TraceRecord.Submitted;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns trace records into the Trace Event Format's JSON array form, one event per line, as they
 * arrive: metadata ({@code M}), attempts as begin/end pairs ({@code B}/{@code E}) on their
 * worker's track, instants ({@code i}) and queue waits as async slices ({@code b}/{@code e}),
 * with times in microseconds.
 *
 * <p>The format lets a reader open the array before its closing bracket is written, so the file
 * is useful while the run goes on, and an attempt still running shows as a slice without an end.
 * One renderer serves one file, including the runs that continue it.
 */
final class TraceJson {

    /** The track of the scheduler's loop thread. */
    static final int LOOP_TID = 0;
    private static final int PID = 1;
    /** Text is handed to the file in pieces of about this size. */
    private static final int CHUNK = 1 << 16;
    /** What closes the array: the last bytes of a finished file. */
    static final byte[] CLOSING = "\n]\n".getBytes(StandardCharsets.US_ASCII);

    private final long baseNanos;
    private final StringBuilder text = new StringBuilder(CHUNK + 4096);
    private final JsonWriter json = new JsonWriter(text);
    /** Tracks are numbered in the order their threads first ran an attempt, so they stay small and stable. */
    private final Map<Long, Integer> tids = new HashMap<>();
    private int spans;
    private Recording lastSource;
    private String lastTaskJson;
    /** Whether the array has no event yet, so the next needs no comma. */
    private boolean empty = true;

    /** @param baseNanos the clock reading that is time zero in the file */
    TraceJson(long baseNanos) {
        this.baseNanos = baseNanos;
    }

    /** @return how many attempts were written into the file */
    int spans() {
        return spans;
    }

    /** Opens the array and names the process and the loop's track. */
    void begin(OutputStream out) throws IOException {
        text.append('[');
        metadata("process_name", LOOP_TID, "name", "weft");
        metadata("thread_name", LOOP_TID, "name", "loop");
        metadata("thread_sort_index", LOOP_TID, "sort_index", 0);
        send(out);
    }

    /** Goes on after the events of a file written before, whose closing bracket was taken off. */
    void resume() {
        empty = false;
    }

    /** Adds one record's events, handing text to {@code out} whenever a piece is full. */
    void write(TraceRecord record, OutputStream out) throws IOException {
        if (record instanceof Submitted r) {
            submitted(r);
        } else if (record instanceof AttemptBegan r) {
            began(r);
        } else if (record instanceof AttemptEnded r) {
            ended(r);
        } else if (record instanceof Ended r) {
            ended(r);
        } else if (record instanceof PluginEvent r) {
            pluginEvent(r);
        }
        if (text.length() >= CHUNK) {
            send(out);
        }
    }

    /** Hands everything written so far to {@code out}, as UTF-8. */
    void send(OutputStream out) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        // Through a String: its UTF-8 encoding of mostly ASCII text is a plain array copy.
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }

    /** Closes the array. */
    void end(OutputStream out) throws IOException {
        send(out);
        out.write(CLOSING);
    }

    /** Starts an event object, after a comma if the array has one already. */
    private void event() {
        text.append(empty ? "\n{" : ",\n{");
        empty = false;
    }

    private void metadata(String name, int tid, String argName, Object argValue) {
        event();
        text.append("\"name\":\"").append(name).append("\",\"ph\":\"M\",\"pid\":").append(PID)
                .append(",\"tid\":").append(tid).append(",\"args\":");
        json.beginObject().name(argName).value(argValue).endObject();
        text.append('}');
    }

    /** Appends the time and process of an event, and its track. */
    private void at(long nanos, int tid) {
        text.append(",\"ts\":");
        JsonWriter.micros(text, nanos - baseNanos);
        text.append(",\"pid\":").append(PID).append(",\"tid\":").append(tid);
    }

    /** Appends {@code ,"args":{"task":...,"call":...} without closing the args object. */
    private void callArgs(Recording source, Long call) {
        text.append(",\"args\":{\"task\":");
        task(source);
        if (call != null) {
            text.append(",\"call\":").append(call.longValue());
        }
    }

    /** The task's name, escaped once per recording rather than once per event. */
    private void task(Recording source) {
        if (source != lastSource) {
            StringBuilder quoted = new StringBuilder();
            JsonWriter.quote(quoted, source.task());
            lastSource = source;
            lastTaskJson = quoted.toString();
        }
        text.append(lastTaskJson);
    }

    private void instant(String name, String category, long nanos) {
        event();
        text.append("\"name\":");
        JsonWriter.quote(text, name);
        text.append(",\"cat\":\"").append(category).append("\",\"ph\":\"i\",\"s\":\"t\"");
        at(nanos, LOOP_TID);
    }

    private void submitted(Submitted r) {
        r.source().waiting().put(r.call(), r.nanos());
        instant("submitted", "call", r.nanos());
        callArgs(r.source(), r.call());
        text.append(",\"argument\":");
        JsonWriter.quote(text, r.argument());
        text.append("}}");
    }

    private void ended(Ended r) {
        r.source().waiting().remove(r.call());
        instant(r.outcome(), "call", r.nanos());
        callArgs(r.source(), r.call());
        if (r.exception() != null) {
            text.append(",\"exception\":");
            JsonWriter.quote(text, r.exception());
        }
        text.append("}}");
    }

    private void pluginEvent(PluginEvent r) {
        instant(r.name(), "plugin", r.nanos());
        callArgs(r.source(), r.call());
        // The other fields' values are of any type: the general writer renders them.
        for (Map.Entry<String, Object> arg : r.args().entrySet()) {
            text.append(',');
            JsonWriter.quote(text, arg.getKey());
            text.append(':');
            json.value(arg.getValue());
        }
        text.append("}}");
    }

    private void began(AttemptBegan r) {
        Thread thread = r.thread();
        Integer tid = tids.get(thread.getId());
        if (tid == null) {
            tid = tids.size() + 1;
            tids.put(thread.getId(), tid);
            metadata("thread_name", tid, "name", thread.getName());
            metadata("thread_sort_index", tid, "sort_index", tid);
        }
        Long since = r.source().waiting().get(r.call());
        if (since != null) {
            long from = Math.min(since, r.nanos());
            queued("b", r, from);
            text.append(",\"args\":{\"task\":");
            task(r.source());
            text.append(",\"call\":").append(r.call()).append(",\"attempt\":").append(r.attempt()).append("}}");
            queued("e", r, r.nanos());
            text.append('}');
        }
        event();
        text.append("\"name\":\"");
        JsonWriter.escaped(text, r.source().task());
        text.append(" #").append(r.call());
        if (r.attempt() > 1) {
            text.append(" attempt ").append(r.attempt());
        }
        text.append("\",\"cat\":\"attempt\",\"ph\":\"B\"");
        at(r.nanos(), tid);
        callArgs(r.source(), r.call());
        text.append(",\"attempt\":").append(r.attempt());
        if (since != null) {
            text.append(",\"queue-wait-us\":");
            JsonWriter.micros(text, Math.max(0, r.nanos() - since));
        }
        text.append("}}");
        spans++;
    }

    /** Begins one end of the async slice of a call's wait for an attempt, without closing it. */
    private void queued(String phase, AttemptBegan r, long nanos) {
        event();
        text.append("\"name\":\"queued\",\"cat\":\"queue\",\"ph\":\"").append(phase).append("\",\"id\":\"");
        JsonWriter.escaped(text, r.source().task());
        text.append('#').append(r.call()).append('.').append(r.attempt()).append('"');
        at(nanos, LOOP_TID);
    }

    private void ended(AttemptEnded r) {
        // Only while the call is in flight: an attempt abandoned after its call ended must not bring it back.
        r.source().waiting().replace(r.call(), r.nanos());
        Integer tid = tids.get(r.thread().getId());
        if (tid == null) {
            return; // its beginning was never written (a write failed), so an end would close another slice
        }
        event();
        text.append("\"ph\":\"E\"");
        at(r.nanos(), tid);
        text.append(",\"args\":{\"outcome\":");
        JsonWriter.quote(text, r.outcome());
        text.append("}}");
    }
}
