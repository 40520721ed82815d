package dev.weft.bench;

/**
 * One way of running N no-op calls with K in flight: the floor or weft. Each run builds its own
 * executor (and scheduler), so rounds do not share state.
 */
interface Load {

    /** @return the name printed as {@code "bench"} */
    String name();

    /**
     * Runs {@code calls} no-op calls, keeping {@code inFlight} submitted and not yet ended.
     *
     * @return the times the run took
     * @throws Exception if a call failed or the run ended abnormally
     */
    Timing run(int calls, int inFlight) throws Exception;

    /**
     * How long a run took, in nanoseconds from just before the pool's threads are started: the
     * floor's first submission (its executor starts threads as calls arrive), or weft's call to
     * {@code run()} (which starts all its pool's threads). Building the scheduler or the
     * executor counts in neither.
     *
     * @param toFirstResult until the first call's result was handled: the run's start, which
     *     includes starting the pool's threads
     * @param toLastResult until the last call's result was handled: the calls' own cost; the
     *     per-call scaling compares the part after the first result across call counts
     * @param toTornDown until everything was torn down (the executor shut down, or {@code run()}
     *     returned): adds per-run costs such as trace's final write, and is what the comparison
     *     of loads reports
     * @param dispatcher the CPU used, from the start above to the last result, by the one
     *     thread that takes completions and submits the next calls (the floor's consumer, weft's
     *     loop): when it is busy nearly all the time it is the bottleneck
     */
    record Timing(long toFirstResult, long toLastResult, long toTornDown, Cpu.OfThread dispatcher) {
    }
}
