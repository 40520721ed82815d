package dev.weft.testkit;

import dev.weft.api.Submission;
import dev.weft.api.TaskView;
import java.util.Objects;
import java.util.Optional;

/**
 * A call about to be submitted ({@link Submission}), for {@code beforeSubmit}, that records
 * whether the plugin vetoed it and why.
 *
 * <p>As in the scheduler, a second veto replaces the first reason. Not thread-safe: like
 * {@code beforeSubmit}, use it from one thread.
 *
 * @since 0.1
 */
public final class FakeSubmission implements Submission {

    private final TaskView task;
    private final Object argument;
    private String vetoReason;

    /**
     * Creates a submission no plugin has vetoed.
     *
     * @param task the task that submits the call; never {@code null}
     * @param argument the call's argument; may be {@code null}
     */
    public FakeSubmission(TaskView task, Object argument) {
        this.task = Objects.requireNonNull(task, "task");
        this.argument = argument;
    }

    @Override
    public TaskView task() {
        return task;
    }

    @Override
    public Object argument() {
        return argument;
    }

    @Override
    public void veto(String reason) {
        vetoReason = Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean isVetoed() {
        return vetoReason != null;
    }

    /**
     * Why the plugin vetoed the call.
     *
     * @return the reason given to {@link #veto}, empty if the call was not vetoed
     */
    public Optional<String> vetoReason() {
        return Optional.ofNullable(vetoReason);
    }

    @Override
    public String toString() {
        return "FakeSubmission[" + task.name() + "(" + argument + ")"
                + (vetoReason == null ? "" : " vetoed: " + vetoReason) + "]";
    }
}
