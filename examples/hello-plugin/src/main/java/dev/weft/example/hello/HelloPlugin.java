package dev.weft.example.hello;

import dev.weft.api.Panel;
import dev.weft.api.Submission;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskPlugin;
import java.util.List;

/**
 * Greets each call as it is submitted, with a {@code hello-said} event, and vetoes calls whose
 * argument is on its refuse list. One instance per task; every hook it uses runs on the
 * scheduler's loop thread, so its counters need no locks (volatile only for describe).
 */
final class HelloPlugin implements TaskPlugin {

    private final String greeting;
    private final List<String> refuse;
    private TaskContext task;
    // Written on the loop only, read by describe() on the rendering thread.
    private volatile int said;
    private volatile int refused;

    HelloPlugin(String greeting, List<String> refuse) {
        this.greeting = greeting;
        this.refuse = List.copyOf(refuse);
    }

    @Override
    public String name() {
        return "hello";
    }

    @Override
    public void attach(TaskContext context) {
        this.task = context;
        context.register(HelloSaid.TYPE);
    }

    @Override
    public void beforeSubmit(Submission submission) {
        String argument = String.valueOf(submission.argument());
        if (refuse.contains(argument)) {
            refused++;
            submission.veto("hello refuses '" + argument + "'");
            return;
        }
        said++;
        task.emit(HelloSaid.TYPE, new HelloSaid(greeting + ", " + argument));
    }

    @Override
    public void describe(Panel panel) {
        panel.row("Said", said).row("Refused", refused);
    }
}
