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
     * @return nanoseconds from just before the first submission until everything is torn down
     *     (the executor shut down, or {@code run()} returned): per-run costs such as trace's final
     *     write count, one-off ones such as building the scheduler do not
     * @throws Exception if a call failed or the run ended abnormally
     */
    long run(int calls, int inFlight) throws Exception;
}
