package dev.weft.plugin.trace;

import dev.weft.plugin.trace.TraceRecord.AttemptBegan;
import dev.weft.plugin.trace.TraceRecord.AttemptEnded;
import dev.weft.plugin.trace.TraceRecord.Ended;
import dev.weft.plugin.trace.TraceRecord.PluginEvent;
import dev.weft.plugin.trace.TraceRecord.Submitted;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Turns trace records into the Trace Event Format's JSON array form, one event per line, as they
 * arrive: metadata ({@code M}), attempts on their worker's track, instants ({@code i}) and queue
 * waits as async slices ({@code b}/{@code e}), with times in microseconds.
 *
 * <p>An attempt whose end is among the records of the same write becomes one complete event
 * ({@code X}): most attempts, as records are written in batches. One still running at the end of
 * a write is written as a begin ({@code B}), and its end ({@code E}) follows in a later write.
 * Bytes are most of the trace's cost, the file's as much as the rendering's, and a complete
 * event takes about a third fewer than a pair.
 *
 * <p>The format lets a reader open the array before its closing bracket is written, so the part
 * file is useful while the run goes on, and an attempt still running shows as a slice without an
 * end. One renderer serves one file, including the runs that continue it; it runs under the
 * file's lock, on whichever thread writes.
 */
final class TraceJson {

    /** The track of the scheduler's loop thread. */
    static final int LOOP_TID = 0;
    private static final int PID = 1;
    /**
     * Text is handed to the file in pieces of about this size: each write costs about as much as
     * copying 20 KB, so pieces of 256 KB cost a fifth less per byte than pieces of 64 KB.
     */
    private static final int CHUNK = 1 << 18;
    /** What closes the array: the last bytes of a finished file. */
    static final byte[] CLOSING = "\n]\n".getBytes(StandardCharsets.US_ASCII);

    // Pre-encoded pieces: most of every event is the same from one call to the next.
    private static final byte[] FIRST = JsonBytes.ascii("\n{");
    private static final byte[] NEXT = JsonBytes.ascii(",\n{");
    private static final byte[] TS = JsonBytes.ascii(",\"ts\":");
    private static final byte[] PID_TID = JsonBytes.ascii(",\"pid\":" + PID + ",\"tid\":");
    private static final byte[] ARGS_TASK = JsonBytes.ascii(",\"args\":{\"task\":");
    private static final byte[] CALL = JsonBytes.ascii(",\"call\":");
    private static final byte[] ATTEMPT = JsonBytes.ascii(",\"attempt\":");
    private static final byte[] CLOSE_ARGS = JsonBytes.ascii("}}");
    private static final byte[] SUBMITTED = JsonBytes.ascii("\"name\":\"submitted\",\"cat\":\"call\",\"ph\":\"i\",\"s\":\"t\"");
    private static final byte[] ARGUMENT = JsonBytes.ascii(",\"argument\":");
    private static final byte[] EXCEPTION = JsonBytes.ascii(",\"exception\":");
    private static final byte[] NAME = JsonBytes.ascii("\"name\":");
    private static final byte[] METADATA = JsonBytes.ascii(",\"ph\":\"M\"");
    private static final byte[] ARGS = JsonBytes.ascii(",\"args\":{");
    private static final byte[] CALL_INSTANT = JsonBytes.ascii(",\"cat\":\"call\",\"ph\":\"i\",\"s\":\"t\"");
    private static final byte[] PLUGIN_INSTANT = JsonBytes.ascii(",\"cat\":\"plugin\",\"ph\":\"i\",\"s\":\"t\"");
    private static final byte[] QUEUED_BEGIN = JsonBytes.ascii("\"name\":\"queued\",\"cat\":\"queue\",\"ph\":\"b\",\"id\":\"");
    private static final byte[] QUEUED_END = JsonBytes.ascii("\"name\":\"queued\",\"cat\":\"queue\",\"ph\":\"e\",\"id\":\"");
    private static final byte[] ATTEMPT_NAME = JsonBytes.ascii("\"name\":\"");
    private static final byte[] ATTEMPT_N = JsonBytes.ascii(" attempt ");
    private static final byte[] ATTEMPT_BEGIN = JsonBytes.ascii("\",\"cat\":\"attempt\",\"ph\":\"B\"");
    private static final byte[] ATTEMPT_COMPLETE = JsonBytes.ascii("\",\"cat\":\"attempt\",\"ph\":\"X\"");
    private static final byte[] DUR = JsonBytes.ascii(",\"dur\":");
    private static final byte[] ARG_OUTCOME = JsonBytes.ascii(",\"outcome\":");
    private static final byte[] QUEUE_WAIT = JsonBytes.ascii(",\"queue-wait-us\":");
    private static final byte[] ATTEMPT_END = JsonBytes.ascii("\"ph\":\"E\"");
    private static final byte[] OUTCOME = JsonBytes.ascii(",\"args\":{\"outcome\":");

    private final long baseNanos;
    private final JsonBytes out = new JsonBytes(CHUNK + 4096);
    /** Tracks are numbered in the order their threads first ran an attempt, so they stay small and stable. */
    private final Map<Thread, Integer> tids = new IdentityHashMap<>();
    /**
     * Per track, the attempt that began in this write and has not ended in it, with when its call
     * began waiting (-1 if unknown): a thread runs one attempt at a time.
     */
    private AttemptBegan[] running = new AttemptBegan[8];
    private long[] runningSince = new long[8];
    /** Per track, its {@code ,"pid":1,"tid":N} piece. */
    private byte[][] pidTids = new byte[8][];
    /** The id of the call last written, and its text. */
    private long callIdOf = -1;
    private final JsonBytes callIdText = new JsonBytes(24);
    private int spans;
    private Recording lastSource;
    private byte[] lastTask;
    private byte[] lastTaskQuoted;
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
    void begin(OutputStream file) throws IOException {
        out.raw('[');
        metadata("process_name", LOOP_TID, "name", "weft");
        metadata("thread_name", LOOP_TID, "name", "loop");
        metadata("thread_sort_index", LOOP_TID, "sort_index", 0);
        send(file);
    }

    /** Goes on after the events of a file written before, whose closing bracket was taken off. */
    void resume() {
        empty = false;
    }

    /** Adds one record's events, handing them to {@code file} whenever a piece is full. */
    void write(TraceRecord record, OutputStream file) throws IOException {
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
        if (out.length() >= CHUNK) {
            send(file);
        }
    }

    /** Hands everything written so far to {@code file}. */
    void send(OutputStream file) throws IOException {
        if (!out.isEmpty()) {
            out.writeTo(file);
        }
    }

    /** Closes the array. */
    void end(OutputStream file) throws IOException {
        send(file);
        file.write(CLOSING);
    }

    /** Starts an event object, after a comma if the array has one already. */
    private void event() {
        out.raw(empty ? FIRST : NEXT);
        empty = false;
    }

    private void metadata(String name, int tid, String argName, Object argValue) {
        event();
        out.raw(NAME).string(name).raw(METADATA).raw(pidTid(tid)).raw(ARGS).string(argName).raw(':')
                .value(argValue).raw(CLOSE_ARGS);
    }

    /** Appends the time and process of an event, and its track. */
    private void at(long nanos, int tid) {
        out.raw(TS).micros(nanos - baseNanos).raw(pidTid(tid));
    }

    /** {@code ,"pid":1,"tid":N}, made once per track: numbers are the dearest part of the text. */
    private byte[] pidTid(int tid) {
        if (tid >= pidTids.length) {
            pidTids = Arrays.copyOf(pidTids, tid * 2);
        }
        byte[] piece = pidTids[tid];
        if (piece == null) {
            piece = new JsonBytes(32).raw(PID_TID).number(tid).toByteArray();
            pidTids[tid] = piece;
        }
        return piece;
    }

    /** Appends a call's id, written as text once for the several times its records repeat it. */
    private JsonBytes callId(long call) {
        if (call != callIdOf) {
            callIdText.clear();
            callIdText.number(call);
            callIdOf = call;
        }
        return out.append(callIdText);
    }

    /** Appends {@code ,"args":{"task":...,"call":...} without closing the args object. */
    private void callArgs(Recording source, long call) {
        out.raw(ARGS_TASK).raw(quotedTask(source)).raw(CALL);
        callId(call);
    }

    /** Appends {@code ,"args":{"task":...} without closing the args object, for an event of no call. */
    private void taskArgs(Recording source) {
        out.raw(ARGS_TASK).raw(quotedTask(source));
    }

    /** The task's name in quotes, escaped once per recording rather than once per event. */
    private byte[] quotedTask(Recording source) {
        remember(source);
        return lastTaskQuoted;
    }

    /** The task's name escaped, without quotes, to go inside another string. */
    private byte[] task(Recording source) {
        remember(source);
        return lastTask;
    }

    private void remember(Recording source) {
        if (source != lastSource) {
            lastTask = new JsonBytes(64).escaped(source.task()).toByteArray();
            lastTaskQuoted = new JsonBytes(64).string(source.task()).toByteArray();
            lastSource = source;
        }
    }

    private void submitted(Submitted r) {
        r.source().waits().put(r.call(), new CallWait(r.nanos()));
        event();
        out.raw(SUBMITTED);
        at(r.nanos(), LOOP_TID);
        callArgs(r.source(), r.call());
        out.raw(ARGUMENT).string(r.argument()).raw(CLOSE_ARGS);
    }

    private void ended(Ended r) {
        r.source().waits().remove(r.call());
        event();
        out.raw(NAME).string(r.outcome()).raw(CALL_INSTANT);
        at(r.nanos(), LOOP_TID);
        callArgs(r.source(), r.call());
        if (r.exception() != null) {
            out.raw(EXCEPTION).string(r.exception());
        }
        out.raw(CLOSE_ARGS);
    }

    private void pluginEvent(PluginEvent r) {
        CallWait wait = r.call() == null ? null : r.source().waits().get(r.call());
        if (wait != null) {
            wait.decided(r.nanos());
        }
        event();
        out.raw(NAME).string(r.name()).raw(PLUGIN_INSTANT);
        at(r.nanos(), LOOP_TID);
        if (r.call() == null) {
            taskArgs(r.source());
        } else {
            callArgs(r.source(), r.call());
        }
        for (Map.Entry<String, Object> arg : r.args().entrySet()) {
            out.raw(',').string(arg.getKey()).raw(':').value(arg.getValue());
        }
        out.raw(CLOSE_ARGS);
    }

    private void began(AttemptBegan r) {
        Thread thread = r.thread();
        Integer tid = tids.get(thread);
        if (tid == null) {
            tid = tids.size() + 1;
            tids.put(thread, tid);
            metadata("thread_name", tid, "name", thread.getName());
            metadata("thread_sort_index", tid, "sort_index", tid);
        }
        CallWait wait = r.source().waits().get(r.call());
        long since = wait == null ? -1 : wait.began(r.attempt());
        if (since >= 0) {
            queued(QUEUED_BEGIN, r, Math.min(since, r.nanos()));
            callArgs(r.source(), r.call());
            out.raw(ATTEMPT).number(r.attempt()).raw(CLOSE_ARGS);
            queued(QUEUED_END, r, r.nanos());
            out.raw('}');
        }
        if (tid >= running.length) {
            running = Arrays.copyOf(running, tid * 2);
            runningSince = Arrays.copyOf(runningSince, tid * 2);
        }
        if (running[tid] != null && running[tid] != r) {
            // Not expected, as a thread runs one attempt at a time; but never lose a begin.
            attemptStart(ATTEMPT_BEGIN, running[tid], tid, runningSince[tid], -1);
            out.raw(CLOSE_ARGS);
        }
        running[tid] = r;
        runningSince[tid] = since;
        spans++;
    }

    /** Writes the begin of every attempt that began in this write and still runs; call at the end of each write. */
    void beginRunning() {
        for (int tid = 0; tid < running.length; tid++) {
            if (running[tid] != null) {
                attemptStart(ATTEMPT_BEGIN, running[tid], tid, runningSince[tid], -1);
                out.raw(CLOSE_ARGS);
                running[tid] = null;
            }
        }
    }

    /**
     * Writes an attempt's event up to its args, which it leaves open: its name, phase, time,
     * duration if it ended ({@code endNanos} not negative), track and call.
     */
    private void attemptStart(byte[] phase, AttemptBegan r, int tid, long since, long endNanos) {
        event();
        out.raw(ATTEMPT_NAME).raw(task(r.source())).raw(' ').raw('#');
        callId(r.call());
        if (r.attempt() > 1) {
            out.raw(ATTEMPT_N).number(r.attempt());
        }
        out.raw(phase);
        out.raw(TS).micros(r.nanos() - baseNanos);
        if (endNanos >= 0) {
            out.raw(DUR).micros(endNanos - r.nanos());
        }
        out.raw(pidTid(tid));
        callArgs(r.source(), r.call());
        out.raw(ATTEMPT).number(r.attempt());
        if (since >= 0) {
            out.raw(QUEUE_WAIT).micros(Math.max(0, r.nanos() - since));
        }
    }

    /** Begins one end of the async slice of a call's wait for an attempt, without closing it. */
    private void queued(byte[] start, AttemptBegan r, long nanos) {
        event();
        out.raw(start).raw(task(r.source())).raw('#');
        callId(r.call()).raw('.').number(r.attempt()).raw('"');
        at(nanos, LOOP_TID);
    }

    private void ended(AttemptEnded r) {
        // Only while the call is in flight: an attempt abandoned after its call ended must not bring it back.
        CallWait wait = r.source().waits().get(r.call());
        if (wait != null) {
            wait.ended(r.attempt(), r.nanos());
        }
        Integer tid = tids.get(r.thread());
        if (tid == null) {
            return; // its beginning was never written (a write failed), so an end would close another slice
        }
        AttemptBegan began = tid < running.length ? running[tid] : null;
        if (began != null && began.call() == r.call() && began.attempt() == r.attempt()) {
            running[tid] = null;
            // Begun in this write: one complete event. Its time and track are the begin's.
            attemptStart(ATTEMPT_COMPLETE, began, tid, runningSince[tid], r.nanos());
            out.raw(ARG_OUTCOME).string(r.outcome()).raw(CLOSE_ARGS);
            return;
        }
        event();
        out.raw(ATTEMPT_END);
        at(r.nanos(), tid);
        out.raw(OUTCOME).string(r.outcome()).raw(CLOSE_ARGS);
    }
}
