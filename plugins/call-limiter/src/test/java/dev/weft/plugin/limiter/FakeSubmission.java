package dev.weft.plugin.limiter;

import dev.weft.api.Submission;
import dev.weft.api.TaskView;

/** A call about to be submitted, remembering whether it was vetoed. */
final class FakeSubmission implements Submission {

    private final TaskView task;
    private final Object argument;
    String vetoReason;

    FakeSubmission(TaskView task, Object argument) {
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
        vetoReason = reason;
    }

    @Override
    public boolean isVetoed() {
        return vetoReason != null;
    }
}
