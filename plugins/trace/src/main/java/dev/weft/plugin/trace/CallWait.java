package dev.weft.plugin.trace;

/**
 * The trace writer's view of one call in flight: which attempt it is on and, between attempts,
 * since when it has been waiting. Touched only under its file's lock.
 *
 * <p>An attempt that a timeout abandons may end, on its stuck worker, after the retry that
 * replaced it has begun. So the wait for the next attempt starts at whichever comes first in the
 * file's order: the attempt's end, or a plugin's decision about the call while it ran (the
 * {@code timeout}, the {@code retry}).
 */
final class CallWait {

    private int attempt;
    private boolean running;
    private long since;

    /** @param submittedNanos when the call was submitted: it waits for its first attempt from then */
    CallWait(long submittedNanos) {
        since = submittedNanos;
    }

    /**
     * An attempt began.
     *
     * @return when the call began waiting for it, or -1 if that is not known
     */
    long began(int number) {
        long waited = running ? -1 : since;
        attempt = number;
        running = true;
        return waited;
    }

    /** An attempt ended; an earlier, abandoned attempt ending late changes nothing. */
    void ended(int number, long nanos) {
        if (number == attempt) {
            running = false;
            since = nanos;
        }
    }

    /** A plugin decided something about the call: if an attempt was running, the call waits from now. */
    void decided(long nanos) {
        if (running) {
            running = false;
            since = nanos;
        }
    }
}
