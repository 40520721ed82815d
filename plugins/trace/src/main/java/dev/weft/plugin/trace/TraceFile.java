package dev.weft.plugin.trace;

import java.io.IOException;
import java.io.Writer;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One trace file and the recordings written into it. Trace plugins that name the same absolute
 * path share one instance, so tasks configured alike (a {@code "*"} chain) end up in one file
 * instead of overwriting each other.
 *
 * <p>Recordings are held weakly: a task that is gone stops contributing. Once every recording of
 * a file has seen its scheduler finish, the file leaves the registry, and the next plugin naming
 * it starts afresh.
 */
final class TraceFile {

    private static final Map<Path, TraceFile> OPEN = new HashMap<>();

    private final Path path;
    private final List<WeakReference<Recording>> recordings = new ArrayList<>();
    private long writtenVersion = -1;
    private int writtenSpans;

    private TraceFile(Path path) {
        this.path = path;
    }

    /** The result of a write: how many attempt slices the file holds, and whether it was rewritten. */
    record Written(Path path, int spans, boolean rewritten) {
    }

    /**
     * Adds a recording to the file at a path, opening it if no live plugin has it.
     *
     * @return the shared file
     */
    static TraceFile join(Path file, Recording recording) {
        Path key = file.toAbsolutePath().normalize();
        synchronized (OPEN) {
            TraceFile shared = OPEN.computeIfAbsent(key, TraceFile::new);
            shared.add(recording);
            return shared;
        }
    }

    Path path() {
        return path;
    }

    private synchronized void add(Recording recording) {
        for (WeakReference<Recording> ref : recordings) {
            if (ref.get() == recording) {
                return;
            }
        }
        recordings.add(new WeakReference<>(recording));
        writtenVersion = -1;
    }

    /**
     * Writes the file if anything was recorded since the last write (or {@code force}).
     *
     * @param now the clock, read for attempts still running
     * @throws IOException naming the file, if it cannot be written
     */
    synchronized Written write(LongSupplier now, boolean force) throws IOException {
        List<Recording> live = live();
        long version = live.stream().mapToLong(Recording::version).sum() + live.size();
        if (!force && version == writtenVersion) {
            return new Written(path, writtenSpans, false);
        }
        long taken = now.getAsLong();
        List<Recording.Snapshot> snapshots = live.stream().map(r -> r.snapshot(taken)).toList();
        int spans = writeAtomically(sink -> TraceJson.render(snapshots, sink));
        writtenVersion = version;
        writtenSpans = spans;
        return new Written(path, writtenSpans, true);
    }

    /** Marks a recording's scheduler finished; the file leaves the registry once all of them have. */
    void finished(Recording recording) {
        recording.finished(true);
        synchronized (OPEN) {
            boolean allFinished;
            synchronized (this) {
                allFinished = live().stream().allMatch(Recording::finished);
            }
            if (allFinished) {
                OPEN.remove(path, this);
            }
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

    /** Writes the file's text into a sink and says how many spans it wrote. */
    @FunctionalInterface
    private interface Content {
        int writeTo(Writer sink) throws IOException;
    }

    /** Readers never see half a file: write beside it, streaming, then rename over it. */
    private int writeAtomically(Content content) throws IOException {
        Path dir = path.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
        try {
            int spans;
            try (Writer sink = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                spans = content.writeTo(sink);
            }
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            return spans;
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new IOException("cannot write trace file " + path + ": " + e, e);
        }
    }
}
