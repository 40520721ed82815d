package dev.weft.core.engine;

import dev.weft.api.Submission;
import dev.weft.api.TaskView;
import java.util.Objects;

/** The call about to be submitted, as {@code beforeSubmit} sees it. */
final class SubmissionContext implements Submission {

    private final TaskView task;
    private final Object argument;
    private String veto;

    SubmissionContext(TaskView task, Object argument) {
        this.task = task;
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
        veto = Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean isVetoed() {
        return veto != null;
    }

    String reason() {
        return veto;
    }
}
