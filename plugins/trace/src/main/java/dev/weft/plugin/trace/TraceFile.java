package dev.weft.plugin.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trace file, streamed: records queue up from any thread, and {@link #drain} appends them as
 * JSON to the file's part file, so a run's trace costs memory only for what is not yet written;
 * {@link #flush} and the end of the run publish it atomically (see {@link TraceOutput}). Trace
 * plugins that name the same absolute path share one instance, so tasks configured alike (a
 * {@code "*"} chain) end up in one file instead of overwriting each other.
 *
 * <p>The part file is opened at the first drain, not before: a chain that never runs leaves no file.
 * Recordings are held weakly, so a task that is gone stops holding the file open. Once every
 * recording has seen its scheduler finish, the array is closed and the file leaves the registry:
 * the next plugin naming it starts afresh, while a recording of this file that runs again
 * {@linkplain #join continues} it.
 */
final class TraceFile {

    private static final Logger LOG = LoggerFactory.getLogger("dev.weft.plugin.trace");
    private static final Map<Path, TraceFile> OPEN = new HashMap<>();
    /** Above this size a snapshot's copy is throttled to a tenth of the time. */
    private static final long LARGE = 64L << 20;

    private final Path path;
    private final RecordQueue pending = new RecordQueue();
    private final List<WeakReference<Recording>> recordings = new ArrayList<>();
    private final long baseNanos;
    private TraceJson json;
    private final TraceOutput output;
    /** Held while writing, and for the recordings list; the renderer and the recordings' waits are under it too. */
    private final ReentrantLock lock = new ReentrantLock();
    private boolean wroteSinceFlush;
    /** Whether every recording finished and the array was closed, until one joins again. */
    private volatile boolean closed;
    private long lastSnapshotEnd;
    private long lastSnapshotTook;

    private TraceFile(Path path, long baseNanos) {
        this.path = path;
        this.baseNanos = baseNanos;
        this.output = new TraceOutput(path);
        this.json = new TraceJson(baseNanos);
    }

    /**
     * The result of a write: how many attempt slices the file holds, whether anything new reached
     * the published trace, and whether the file was closed.
     */
    record Written(Path path, int spans, boolean changed, boolean closed) {
    }

    /**
     * Adds a recording to the file at a path. If no live plugin has that file open, {@code
     * previous} (the file this recording wrote before, or {@code null}) is continued when it is
     * that path and still ends as it was left; otherwise the file starts afresh at its first write.
     *
     * @return the shared file
     */
    static TraceFile join(Path file, Recording recording, TraceFile previous) {
        Path key = file.toAbsolutePath().normalize();
        synchronized (OPEN) {
            TraceFile shared = OPEN.get(key);
            if (shared == null) {
                shared = previous != null && previous.path.equals(key) ? previous : new TraceFile(key,
                        recording.originNanos());
                OPEN.put(key, shared);
            }
            shared.add(recording);
            return shared;
        }
    }

    Path path() {
        return path;
    }

    /**
     * Queues a record to be written at the next drain; any thread. A record that arrives after the
     * file was closed (an abandoned attempt whose worker unwound after the run ended) is written
     * at once, into the closed file, so that its trace keeps the attempt's end.
     */
    void add(TraceRecord record) {
        pending.add(record);
        if (closed) {
            writeLate();
        }
    }

    private void writeLate() {
        synchronized (OPEN) {
            lock.lock();
            try {
                if (!closed || pending.isEmpty()) {
                    return;
                }
                if (OPEN.containsKey(path) || !output.canResume()) {
                    // Another trace took the file over: appending would write into its part file.
                    LOG.warn("trace: {} late event(s) of a finished run were not written: {} was started again",
                            pending.size(), path);
                    pending.clear();
                    return;
                }
                open();
                drainLocked();
                output.close(json);
            } catch (IOException e) {
                output.discard();
                // On the thread of a call that already ended: nobody to throw to.
                LOG.warn("trace: a late event was not written: {}", failed(e).getMessage());
            } finally {
                lock.unlock();
            }
        }
    }

    /** @return how many records wait to be written, for tests */
    int queued() {
        return pending.size();
    }

    private void add(Recording recording) {
        lock.lock();
        try {
            addLocked(recording);
        } finally {
            lock.unlock();
        }
    }

    private void addLocked(Recording recording) {
        closed = false;
        for (WeakReference<Recording> ref : recordings) {
            if (ref.get() == recording) {
                return;
            }
        }
        recordings.add(new WeakReference<>(recording));
    }

    /**
     * Writes every queued record into the part file (see {@link TraceOutput}).
     *
     * @throws IOException naming the file, if it cannot be opened or written; the records not yet
     *     written stay queued for the next try
     */
    void drain() throws IOException {
        lock.lock();
        try {
            drainLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drains unless another thread is writing the file, which then writes these records too: lets
     * a worker take the writing off the loop without ever waiting for it.
     *
     * @throws IOException naming the file
     */
    void drainIfFree() throws IOException {
        if (!lock.tryLock()) {
            return;
        }
        try {
            drainLocked();
        } finally {
            lock.unlock();
        }
    }

    private void drainLocked() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        try {
            OutputStream writer = open();
            for (TraceRecord record; (record = pending.peek()) != null; pending.remove()) {
                json.write(record, writer);
            }
            json.beginRunning();
            json.send(writer);
        } catch (IOException e) {
            output.discard();
            throw failed(e);
        }
        wroteSinceFlush = true;
    }

    /**
     * Drains and, if that added anything, publishes a closed snapshot of the trace: the plugin
     * reports each flush that changed the file as {@code trace-written}. A trace so large that
     * copying it would take much of the run's time is published less often.
     *
     * @throws IOException naming the file
     */
    Written flush() throws IOException {
        lock.lock();
        try {
            return flushLocked();
        } finally {
            lock.unlock();
        }
    }

    private Written flushLocked() throws IOException {
        drainLocked();
        if (!wroteSinceFlush) {
            return new Written(path, json.spans(), false, false);
        }
        long started = System.nanoTime();
        try {
            if (output.size() > LARGE && started - lastSnapshotEnd < 10 * lastSnapshotTook) {
                return new Written(path, json.spans(), false, false);
            }
            output.snapshot();
        } catch (IOException e) {
            throw failed(e);
        }
        lastSnapshotEnd = System.nanoTime();
        lastSnapshotTook = lastSnapshotEnd - started;
        wroteSinceFlush = false;
        return new Written(path, json.spans(), true, false);
    }

    /**
     * Marks a recording's scheduler finished and writes what is queued. Once every recording has
     * finished, closes the array, publishes the file by renaming its part file into place and
     * takes it out of the registry. Until then, publishes a copy as {@link #flush} does; the last
     * one makes no copy, since the rename publishes the same bytes (a copy of the whole trace at
     * the end of every run was a good part of the trace's cost per call).
     *
     * @return what was written; {@code closed} if this closed the file
     * @throws IOException naming the file, if the last write fails
     */
    Written finished(Recording recording) throws IOException {
        recording.finished(true);
        synchronized (OPEN) {
            lock.lock();
            try {
                if (live().stream().allMatch(Recording::finished)) {
                    OPEN.remove(path, this);
                    closed = true;
                    close();
                    return new Written(path, json.spans(), true, true);
                }
            } finally {
                lock.unlock();
            }
        }
        // Outside the registry's lock: a copy of a large trace takes a while.
        lock.lock();
        try {
            if (closed) {
                // Another recording closed it meanwhile, with this one's records in it.
                return new Written(path, json.spans(), true, true);
            }
            return flushLocked();
        } finally {
            lock.unlock();
        }
    }

    private void close() throws IOException {
        drainLocked();
        try {
            open(); // even with nothing recorded: still leave a well-formed, empty trace
            output.close(json);
        } catch (IOException e) {
            output.discard();
            throw failed(e);
        }
        wroteSinceFlush = false;
    }

    private OutputStream open() throws IOException {
        if (!output.isOpen()) {
            if (output.open()) {
                json.resume();
            } else {
                json = new TraceJson(baseNanos);
                json.begin(output.stream());
            }
        }
        return output.stream();
    }

    private List<Recording> live() {
        List<Recording> live = new ArrayList<>();
        for (Iterator<WeakReference<Recording>> it = recordings.iterator(); it.hasNext(); ) {
            Recording r = it.next().get();
            if (r == null) {
                it.remove();
            } else {
                live.add(r);
            }
        }
        return live;
    }

    private IOException failed(IOException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("cannot write trace file")) {
            return e;
        }
        return new IOException("cannot write trace file " + path + ": " + e, e);
    }
}
