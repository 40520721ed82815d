package dev.weft.plugin.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a trace's bytes go. Events are appended to a hidden part file beside the trace
 * ({@code .NAME.part}), and the trace itself only ever changes by an atomic rename, so a reader
 * never sees it half written: each snapshot is a closed copy of the part file, and closing renames
 * the part file into place. A run that dies leaves the part file, an unclosed array that trace
 * viewers still open.
 */
final class TraceOutput {

    private final Path target;
    private final Path part;
    private FileChannel channel;
    private OutputStream out;
    /** The published trace's size without its closing bracket, once this output has closed it; else -1. */
    private long closedAt = -1;

    /** @param target the trace file, absolute */
    TraceOutput(Path target) {
        this.target = target;
        this.part = target.resolveSibling("." + target.getFileName() + ".part");
    }

    boolean isOpen() {
        return out != null;
    }

    /**
     * Opens the part file: a copy of the trace this output closed before, if it is still as it was
     * left, without its closing bracket; otherwise empty.
     *
     * @return whether it continues the earlier trace
     */
    boolean open() throws IOException {
        Files.createDirectories(target.getParent());
        boolean resume = canResume();
        if (resume) {
            Files.copy(target, part, StandardCopyOption.REPLACE_EXISTING);
        }
        channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.truncate(resume ? closedAt : 0);
        channel.position(resume ? closedAt : 0);
        // Unbuffered: TraceJson hands text over in large pieces.
        out = Channels.newOutputStream(channel);
        return resume;
    }

    /** @return whether {@link #open} would continue the trace this output closed: it is still as it was left */
    boolean canResume() throws IOException {
        return closedAt >= 0 && sizeOf(target) == closedAt + TraceJson.CLOSING.length;
    }

    OutputStream stream() {
        return out;
    }

    /** @return how many bytes the part file holds */
    long size() throws IOException {
        return channel.position();
    }

    /** Publishes a closed copy of what the part file holds so far. */
    void snapshot() throws IOException {
        Path copy = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.copy(part, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.write(copy, TraceJson.CLOSING, StandardOpenOption.APPEND);
            publish(copy);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** Closes the array in the part file and renames it into place. */
    void close(TraceJson json) throws IOException {
        try {
            long end = channel.position();
            json.end(out);
            out.close();
            publish(part);
            closedAt = end;
        } finally {
            discard();
        }
    }

    /** Drops the open part file's handle, after a failure. */
    void discard() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // the failure that led here is the one worth reporting
        }
        out = null;
        channel = null;
    }

    private void publish(Path from) throws IOException {
        try {
            Files.move(from, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long sizeOf(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return -1;
        }
    }
}
