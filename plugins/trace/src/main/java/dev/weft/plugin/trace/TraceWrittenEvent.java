package dev.weft.plugin.trace;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Payload of the {@code trace-written} event: the trace file was written (or was already up to
 * date) and now holds this task's calls.
 *
 * @param path the file, absolute; never {@code null}
 * @param spans how many attempt slices the file holds, for every task that shares it
 * @since 0.1
 */
public record TraceWrittenEvent(Path path, int spans) {
    /** Checks the path. */
    public TraceWrittenEvent {
        Objects.requireNonNull(path, "path");
    }
}
