package dev.weft.reliability;

import dev.weft.api.Submission;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskPlugin;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/** Vetoes the calls a predicate picks, like a call limiter, and says so with its own event. */
final class VetoPlugin implements TaskPlugin {

    private final Predicate<Object> veto;
    private final ToLongFunction<Object> seq;
    private final LoopGuard guard;
    private TaskContext context;
    long vetoed; // loop thread only

    VetoPlugin(Predicate<Object> veto, ToLongFunction<Object> seq, LoopGuard guard) {
        this.veto = veto;
        this.seq = seq;
        this.guard = guard;
    }

    @Override
    public String name() {
        return "chaos-veto";
    }

    @Override
    public void attach(TaskContext task) {
        context = task;
        task.register(ChaosEvents.VETOED);
    }

    @Override
    public void beforeSubmit(Submission submission) {
        guard.onLoop();
        if (veto.test(submission.argument())) {
            vetoed++;
            context.emit(ChaosEvents.VETOED, new ChaosEvents.Vetoed(seq.applyAsLong(submission.argument())));
            submission.veto("chaos");
        }
    }
}
