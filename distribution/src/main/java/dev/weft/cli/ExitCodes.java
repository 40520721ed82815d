package dev.weft.cli;

import dev.weft.ExitState;

/** The process exit codes {@code weft} documents. */
final class ExitCodes {

    /** The run finished: it ran out of work or was stopped; a command succeeded. */
    static final int OK = 0;
    /** The run ended by an exception (a call or callback failed and the policy ended the run). */
    static final int EXCEPTION = 1;
    /** A usage or configuration error: nothing ran. */
    static final int USAGE = 2;
    /** The run ended by its {@code --timeout}. */
    static final int TIMEOUT = 3;

    private ExitCodes() {
    }

    /**
     * @param state how a run ended
     * @return its exit code
     */
    static int of(ExitState state) {
        return switch (state.code()) {
            case EXHAUSTED, STOPPED -> OK;
            case TIMEOUT -> TIMEOUT;
            case EXCEPTION, CANCELLED, UNKNOWN -> EXCEPTION;
        };
    }
}
