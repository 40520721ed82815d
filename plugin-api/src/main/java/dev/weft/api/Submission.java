package dev.weft.api;

/**
 * A call about to be submitted, given to {@link TaskPlugin#beforeSubmit}.
 *
 * <p>Not intended to be implemented by clients.
 *
 * @since 0.1
 */
public interface Submission {

    /** @return the task that submits the call */
    TaskView task();

    /** @return the call's argument; may be {@code null} */
    Object argument();

    /**
     * Vetoes the call: it is not submitted, {@code submit} returns an empty result, and later
     * plugins are not asked. Emit an event of your own that says why.
     *
     * @param reason a short reason, logged at DEBUG; never {@code null}
     */
    void veto(String reason);

    /** @return whether a plugin vetoed the call */
    boolean isVetoed();
}
