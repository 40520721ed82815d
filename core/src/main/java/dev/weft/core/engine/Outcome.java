package dev.weft.core.engine;

/** How one attempt ended. */
sealed interface Outcome {

    /** The function returned. */
    record Success(Object value) implements Outcome {
    }

    /**
     * The attempt failed.
     *
     * @param origin the chain index the failure came from (the chain's length for the function
     *     itself); only plugins outside it are offered the failure
     */
    record Failed(Throwable error, int origin) implements Outcome {
    }

    /**
     * The call was cancelled.
     *
     * @param byShutdown whether the end of a run cancelled it ({@code waitForCalls(false)}),
     *     which the cancellation policy ignores
     */
    record Cancelled(String why, boolean byShutdown) implements Outcome {
    }
}
