package dev.weft.plugin.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One trace file, streamed: records queue up from any thread, and {@link #drain} appends them to
 * the file as JSON, so a run's trace costs memory only for what is not yet written. Trace
 * plugins that name the same absolute path share one instance, so tasks configured alike (a
 * {@code "*"} chain) end up in one file instead of overwriting each other.
 *
 * <p>The file is opened at the first drain, not before: a chain that never runs leaves no file.
 * Recordings are held weakly, so a task that is gone stops holding the file open. Once every
 * recording has seen its scheduler finish, the array is closed and the file leaves the registry:
 * the next plugin naming it starts afresh, while a recording of this file that runs again
 * {@linkplain #join continues} it.
 */
final class TraceFile {

    private static final Map<Path, TraceFile> OPEN = new HashMap<>();

    private final Path path;
    private final Queue<TraceRecord> pending = new ConcurrentLinkedQueue<>();
    private final List<WeakReference<Recording>> recordings = new ArrayList<>();
    private final long baseNanos;
    private TraceJson json;
    private FileChannel channel;
    private OutputStream out;
    /** Where the closing bracket of the last closed write starts, or -1 if the file was never closed. */
    private long closedAt = -1;
    private boolean wroteSinceFlush;

    private TraceFile(Path path, long baseNanos) {
        this.path = path;
        this.baseNanos = baseNanos;
        this.json = new TraceJson(baseNanos);
    }

    /** The result of a flush: how many attempt slices the file holds, and whether anything new reached it. */
    record Written(Path path, int spans, boolean changed) {
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

    /** Queues a record to be written at the next drain; any thread. */
    void add(TraceRecord record) {
        pending.add(record);
    }

    /** @return how many records wait to be written, for tests */
    int queued() {
        return pending.size();
    }

    private synchronized void add(Recording recording) {
        for (WeakReference<Recording> ref : recordings) {
            if (ref.get() == recording) {
                return;
            }
        }
        recordings.add(new WeakReference<>(recording));
    }

    /**
     * Writes every queued record into the file, where readers see it at once.
     *
     * @throws IOException naming the file, if it cannot be opened or written; the records not yet
     *     written stay queued for the next try
     */
    synchronized void drain() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        OutputStream writer = open();
        try {
            for (TraceRecord record; (record = pending.peek()) != null; pending.poll()) {
                json.write(record, writer);
            }
            json.send(writer);
        } catch (IOException e) {
            throw failed(e);
        }
        wroteSinceFlush = true;
    }

    /**
     * Drains, and says whether the file changed since the last flush: the plugin reports each
     * flush that changed it as {@code trace-written}.
     *
     * @throws IOException naming the file
     */
    synchronized Written flush() throws IOException {
        drain();
        boolean changed = wroteSinceFlush;
        wroteSinceFlush = false;
        return new Written(path, json.spans(), changed);
    }

    /**
     * Marks a recording's scheduler finished. Once all of them have, writes what is queued,
     * closes the array and the file, and takes it out of the registry.
     *
     * @return whether the file was closed
     * @throws IOException naming the file, if the last write fails; the file is closed regardless
     */
    boolean finished(Recording recording) throws IOException {
        recording.finished(true);
        synchronized (OPEN) {
            synchronized (this) {
                if (!live().stream().allMatch(Recording::finished)) {
                    return false;
                }
                OPEN.remove(path, this);
                close();
                return true;
            }
        }
    }

    private void close() throws IOException {
        try {
            drain();
            if (out == null) {
                open(); // nothing was recorded: still leave a well-formed, empty trace
            }
            closedAt = channel.position();
            json.end(out);
        } catch (IOException e) {
            throw failed(e);
        } finally {
            try {
                if (out != null) {
                    out.close();
                }
            } catch (IOException ignored) {
                // the write's own failure, if any, is the one worth reporting
            }
            out = null;
            channel = null;
        }
    }

    private OutputStream open() throws IOException {
        if (out != null) {
            return out;
        }
        try {
            Files.createDirectories(path.getParent());
            boolean resume = closedAt >= 0 && endsAsLeft();
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            // Unbuffered: TraceJson hands text over in large pieces.
            out = Channels.newOutputStream(channel);
            if (resume) {
                channel.truncate(closedAt);
                channel.position(closedAt);
                json.resume();
            } else {
                channel.truncate(0);
                json = new TraceJson(baseNanos);
                json.begin(out);
            }
            return out;
        } catch (IOException e) {
            if (channel != null) {
                channel.close();
            }
            out = null;
            channel = null;
            throw failed(e);
        }
    }

    /** Whether the file still ends with the closing bracket this instance wrote, where it wrote it. */
    private boolean endsAsLeft() throws IOException {
        try {
            return Files.size(path) == closedAt + TraceJson.CLOSING.length;
        } catch (NoSuchFileException e) {
            return false;
        }
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
